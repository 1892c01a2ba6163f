package io.aegntic.studio.ingest.simulator;

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

  /** The signature headers for the draft's body, signed at {@code now}. */
  public Map<String, String> sign(Draft draft, Instant now) {
    byte[] body = draft.body();
    long t = now.getEpochSecond();
    return switch (draft.platform()) {
      case "meta" ->
          Map.of("X-Hub-Signature-256", "sha256=" + hex(hmacSha256(secrets.metaApp(), body)));
      case "x" ->
          Map.of(
              "x-twitter-webhooks-signature",
              "sha256=" + base64(hmacSha256(secrets.xConsumer(), body)));
      case "youtube" ->
          secrets.youtube().isBlank()
              ? Map.of()
              : Map.of("X-Hub-Signature", "sha1=" + hex(hmacSha1(secrets.youtube(), body)));
      case "stripe" ->
          Map.of(
              "Stripe-Signature",
              "t=" + t + ",v1=" + hex(hmacSha256(secrets.stripe(), utf8(t + "."), body)));
      case "tiktok" ->
          Map.of(
              "TikTok-Signature",
              "t=" + t + ",s=" + hex(hmacSha256(secrets.tiktok(), utf8(t + "."), body)));
      case "linkedin" ->
          Map.of("X-LI-Signature", hex(hmacSha256(secrets.linkedin(), utf8("hmacsha256="), body)));
      default -> throw new IllegalArgumentException("unknown platform " + draft.platform());
    };
  }
}
