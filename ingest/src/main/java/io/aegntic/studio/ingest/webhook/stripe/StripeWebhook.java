package io.aegntic.studio.ingest.webhook.stripe;

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
 * Stripe webhooks: {@code Stripe-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, t + "." +
 * body)>[,v1=...]}; any {@code v1} may match, and the timestamp must be within the tolerance (300 s
 * by default) so a captured delivery cannot be replayed later.
 */
@Component
class StripeWebhook implements PlatformWebhook {
  static final String SIGNATURE = "Stripe-Signature";

  private final String secret;
  private final Duration tolerance;
  private final StripeNormaliser normaliser;

  StripeWebhook(WebhookProperties props, WebhookContext context) {
    this.secret = props.secrets().stripe();
    this.tolerance = props.signatureTolerance();
    this.normaliser = new StripeNormaliser(context);
  }

  @Override
  public String name() {
    return "stripe";
  }

  @Override
  public boolean accepts(MediaType type) {
    return MediaType.APPLICATION_JSON.isCompatibleWith(type);
  }

  @Override
  public Mono<ServerResponse> handshake(ServerRequest request) {
    return ErrorResponses.error(405, "method_not_allowed", "Stripe webhooks have no handshake");
  }

  @Override
  public void verify(HttpHeaders headers, byte[] body, Instant now) {
    SignatureChecks.timestamped(headers, SIGNATURE, "v1", secret, body, now, tolerance);
  }

  @Override
  public Normalised normalise(byte[] body, Instant receivedAt) {
    return normaliser.normalise(body, receivedAt);
  }
}
