package io.aegntic.studio.ingest.webhook.linkedin;

import io.aegntic.studio.ingest.webhook.ErrorResponses;
import io.aegntic.studio.ingest.webhook.Normalised;
import io.aegntic.studio.ingest.webhook.PlatformWebhook;
import io.aegntic.studio.ingest.webhook.SignatureChecks;
import io.aegntic.studio.ingest.webhook.Signatures;
import io.aegntic.studio.ingest.webhook.WebhookContext;
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
 * LinkedIn webhooks: the {@code challengeCode} GET answers {@code challengeResponse = hex
 * HMAC-SHA256(client secret, challengeCode)}; notifications carry {@code X-LI-Signature = hex
 * HMAC-SHA256(client secret, "hmacsha256=" + body)}.
 */
@Component
class LinkedInWebhook implements PlatformWebhook {
  static final String SIGNATURE = "X-LI-Signature";
  static final byte[] PREFIX = Signatures.utf8("hmacsha256=");

  private final String secret;
  private final LinkedInNormaliser normaliser;

  LinkedInWebhook(WebhookProperties props, WebhookContext context) {
    this.secret = props.secrets().linkedin();
    this.normaliser = new LinkedInNormaliser(context);
  }

  @Override
  public String name() {
    return "linkedin";
  }

  @Override
  public boolean accepts(MediaType type) {
    return MediaType.APPLICATION_JSON.isCompatibleWith(type);
  }

  @Override
  public Mono<ServerResponse> handshake(ServerRequest request) {
    String code = request.queryParam("challengeCode").orElse(null);
    if (code == null || code.isBlank()) {
      return ErrorResponses.error(400, "invalid_handshake", "expected challengeCode");
    }
    String key = SignatureChecks.secret(secret);
    String response = Signatures.hex(Signatures.hmacSha256(key, Signatures.utf8(code)));
    return ServerResponse.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("challengeCode", code, "challengeResponse", response));
  }

  @Override
  public void verify(HttpHeaders headers, byte[] body, Instant now) {
    String key = SignatureChecks.secret(secret);
    byte[] given = Signatures.fromHex(SignatureChecks.header(headers, SIGNATURE));
    SignatureChecks.require(Signatures.matches(Signatures.hmacSha256(key, PREFIX, body), given));
  }

  @Override
  public Normalised normalise(byte[] body, Instant receivedAt) {
    return normaliser.normalise(body, receivedAt);
  }
}
