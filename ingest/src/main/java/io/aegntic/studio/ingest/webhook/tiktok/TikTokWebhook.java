package io.aegntic.studio.ingest.webhook.tiktok;

import io.aegntic.studio.ingest.webhook.ErrorResponses;
import io.aegntic.studio.ingest.webhook.Normalised;
import io.aegntic.studio.ingest.webhook.PlatformWebhook;
import io.aegntic.studio.ingest.webhook.SignatureChecks;
import io.aegntic.studio.ingest.webhook.WebhookContext;
import io.aegntic.studio.ingest.webhook.WebhookProperties;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * TikTok webhooks: {@code TikTok-Signature: t=<unix>,s=<hex HMAC-SHA256(client secret, t + "." +
 * body)>}, timestamp within the same tolerance as Stripe's.
 */
@Component
class TikTokWebhook implements PlatformWebhook {
  static final String SIGNATURE = "TikTok-Signature";

  private final String secret;
  private final Duration tolerance;
  private final TikTokNormaliser normaliser;

  TikTokWebhook(WebhookProperties props, WebhookContext context) {
    this.secret = props.secrets().tiktok();
    this.tolerance = props.signatureTolerance();
    this.normaliser = new TikTokNormaliser(context);
  }

  @Override
  public String name() {
    return "tiktok";
  }

  @Override
  public boolean accepts(MediaType type) {
    return MediaType.APPLICATION_JSON.isCompatibleWith(type);
  }

  @Override
  public Mono<ServerResponse> handshake(ServerRequest request) {
    return ErrorResponses.error(405, "method_not_allowed", "TikTok webhooks have no handshake");
  }

  @Override
  public void verify(HttpHeaders headers, byte[] body, Instant now) {
    SignatureChecks.timestamped(headers, SIGNATURE, "s", secret, body, now, tolerance);
  }

  @Override
  public Normalised normalise(byte[] body, Instant receivedAt) {
    return normaliser.normalise(body, receivedAt);
  }
}
