package io.aegntic.studio.ingest.simulator;

import static io.aegntic.studio.ingest.simulator.PlatformSecrets.require;
import static io.aegntic.studio.ingest.webhook.Signatures.base64;
import static io.aegntic.studio.ingest.webhook.Signatures.hex;
import static io.aegntic.studio.ingest.webhook.Signatures.hmacSha1;
import static io.aegntic.studio.ingest.webhook.Signatures.hmacSha256;
import static io.aegntic.studio.ingest.webhook.Signatures.utf8;

import java.time.Instant;
import java.util.Map;

/** Signs a delivery exactly as each platform documents it. */
public final class WebhookSigner {
  private final PlatformSecrets secrets;

  public WebhookSigner(PlatformSecrets secrets) {
    this.secrets = secrets;
  }

  /**
   * The signature headers for the draft's body, signed at {@code now}.
   *
   * @throws IllegalStateException naming the STUDIO_SECRET_* variable when that platform's secret
   *     is not set (YouTube excepted: without a secret its notifications go unsigned)
   */
  public Map<String, String> sign(Draft draft, Instant now) {
    byte[] body = draft.body();
    long t = now.getEpochSecond();
    return switch (draft.platform()) {
      case "meta" ->
          Map.of(
              "X-Hub-Signature-256",
              "sha256="
                  + hex(
                      hmacSha256(
                          require(secrets.metaApp(), "STUDIO_SECRET_META_APP", "meta"), body)));
      case "x" ->
          Map.of(
              "x-twitter-webhooks-signature",
              "sha256="
                  + base64(
                      hmacSha256(
                          require(secrets.xConsumer(), "STUDIO_SECRET_X_CONSUMER", "x"), body)));
      case "youtube" ->
          secrets.youtube().isBlank()
              ? Map.of()
              : Map.of("X-Hub-Signature", "sha1=" + hex(hmacSha1(secrets.youtube(), body)));
      case "stripe" ->
          Map.of(
              "Stripe-Signature",
              "t="
                  + t
                  + ",v1="
                  + hex(
                      hmacSha256(
                          require(secrets.stripe(), "STUDIO_SECRET_STRIPE", "stripe"),
                          utf8(t + "."),
                          body)));
      case "tiktok" ->
          Map.of(
              "TikTok-Signature",
              "t="
                  + t
                  + ",s="
                  + hex(
                      hmacSha256(
                          require(secrets.tiktok(), "STUDIO_SECRET_TIKTOK", "tiktok"),
                          utf8(t + "."),
                          body)));
      case "linkedin" ->
          Map.of(
              "X-LI-Signature",
              hex(
                  hmacSha256(
                      require(secrets.linkedin(), "STUDIO_SECRET_LINKEDIN", "linkedin"),
                      utf8("hmacsha256="),
                      body)));
      default -> throw new IllegalArgumentException("unknown platform " + draft.platform());
    };
  }
}
