package io.aegntic.studio.ingest.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A missing platform secret is named (STUDIO_SECRET_<PLATFORM>), not reported as "Empty key". */
class MissingSecretTest {
  private static final byte[] BODY = "{\"id\":\"evt_1\"}".getBytes(StandardCharsets.UTF_8);
  private static final Instant NOW = Instant.parse("2026-11-26T04:00:00Z");

  @Test
  void signingForAPlatformWithoutItsSecretNamesTheVariable() {
    PlatformSecrets secrets =
        PlatformSecrets.from(
            Map.of("STUDIO_SECRET_META_APP", "m", "STUDIO_SECRET_X_CONSUMER", "x"));
    WebhookSigner signer = new WebhookSigner(secrets);
    Map<String, String> platformToVariable =
        Map.of(
            "stripe", "STUDIO_SECRET_STRIPE",
            "tiktok", "STUDIO_SECRET_TIKTOK",
            "linkedin", "STUDIO_SECRET_LINKEDIN");
    platformToVariable.forEach(
        (platform, variable) ->
            assertThatThrownBy(
                    () -> signer.sign(new Draft(platform, "application/json", BODY, "c"), NOW))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(variable + " is not set")
                .hasMessageContaining(platform)
                .hasMessageNotContaining("Empty key"));
    // The configured ones still sign.
    assertThat(signer.sign(new Draft("meta", "application/json", BODY, "c"), NOW))
        .containsKey("X-Hub-Signature-256");
    assertThat(signer.sign(new Draft("x", "application/json", BODY, "c"), NOW))
        .containsKey("x-twitter-webhooks-signature");
  }

  @Test
  void missingListsTheUnsetVariablesButNotTheOptionalYouTubeSecret() {
    PlatformSecrets secrets =
        PlatformSecrets.from(Map.of("STUDIO_SECRET_STRIPE", "whsec", "STUDIO_SECRET_TIKTOK", " "));
    assertThat(secrets.missing())
        .containsExactly(
            "STUDIO_SECRET_META_APP",
            "STUDIO_SECRET_X_CONSUMER",
            "STUDIO_SECRET_TIKTOK",
            "STUDIO_SECRET_LINKEDIN");
    // Without a YouTube secret the notification goes unsigned, as WebSub allows.
    assertThat(
            new WebhookSigner(secrets)
                .sign(new Draft("youtube", "application/atom+xml", BODY, "c"), NOW))
        .isEmpty();
  }

  @Test
  void theSenderFailsTheDeliveryInsteadOfLeavingItPending() {
    PlatformSecrets none = PlatformSecrets.from(Map.of());
    WebhookSender sender = new WebhookSender(URI.create("http://127.0.0.1:9"), none, (d, s) -> {});
    try {
      assertThatThrownBy(() -> sender.send(new Draft("linkedin", "application/json", BODY, "c")))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("STUDIO_SECRET_LINKEDIN is not set");
      assertThat(sender.pending()).isZero();
    } finally {
      sender.close();
    }
  }
}
