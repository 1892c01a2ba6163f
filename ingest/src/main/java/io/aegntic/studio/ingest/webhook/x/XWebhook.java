package io.aegntic.studio.ingest.webhook.x;

import io.aegntic.studio.ingest.webhook.ErrorResponses;
import io.aegntic.studio.ingest.webhook.Normalised;
import io.aegntic.studio.ingest.webhook.PlatformWebhook;
import io.aegntic.studio.ingest.webhook.SignatureChecks;
import io.aegntic.studio.ingest.webhook.Signatures;
import io.aegntic.studio.ingest.webhook.WebhookContext;
import io.aegntic.studio.ingest.webhook.WebhookException;
import io.aegntic.studio.ingest.webhook.WebhookProperties;
import java.time.Instant;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * X Account Activity API: the CRC GET ({@code response_token = sha256=<base64 HMAC-SHA256(consumer
 * secret, crc_token)>}) and {@code x-twitter-webhooks-signature} over the body, same scheme.
 */
@Component
class XWebhook implements PlatformWebhook {
  static final String SIGNATURE = "x-twitter-webhooks-signature";

  private final String consumerSecret;
  private final XNormaliser normaliser;

  XWebhook(WebhookProperties props, WebhookContext context) {
    this.consumerSecret = props.secrets().xConsumer();
    this.normaliser = new XNormaliser(context);
  }

  @Override
  public String name() {
    return "x";
  }

  @Override
  public boolean accepts(MediaType type) {
    return MediaType.APPLICATION_JSON.isCompatibleWith(type);
  }

  @Override
  public Mono<ServerResponse> handshake(ServerRequest request) {
    String token = request.queryParam("crc_token").orElse(null);
    if (token == null || token.isBlank()) {
      return ErrorResponses.error(400, "invalid_handshake", "expected crc_token");
    }
    String secret = SignatureChecks.secret(consumerSecret);
    String response =
        "sha256=" + Signatures.base64(Signatures.hmacSha256(secret, Signatures.utf8(token)));
    return ServerResponse.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("response_token", response));
  }

  @Override
  public void verify(HttpHeaders headers, byte[] body, Instant now) {
    String secret = SignatureChecks.secret(consumerSecret);
    String header = SignatureChecks.header(headers, SIGNATURE);
    if (!header.startsWith("sha256=")) {
      throw WebhookException.unauthorized("invalid_signature", "expected sha256=<base64>");
    }
    byte[] given = Signatures.fromBase64(header.substring("sha256=".length()));
    SignatureChecks.require(Signatures.matches(Signatures.hmacSha256(secret, body), given));
  }

  @Override
  public Normalised normalise(byte[] body, Instant receivedAt) {
    return normaliser.normalise(body, receivedAt);
  }
}
