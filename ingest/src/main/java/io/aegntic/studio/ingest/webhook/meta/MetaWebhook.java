package io.aegntic.studio.ingest.webhook.meta;

import io.aegntic.studio.ingest.webhook.ErrorResponses;
import io.aegntic.studio.ingest.webhook.Normalised;
import io.aegntic.studio.ingest.webhook.PlatformWebhook;
import io.aegntic.studio.ingest.webhook.SignatureChecks;
import io.aegntic.studio.ingest.webhook.Signatures;
import io.aegntic.studio.ingest.webhook.WebhookContext;
import io.aegntic.studio.ingest.webhook.WebhookException;
import io.aegntic.studio.ingest.webhook.WebhookProperties;
import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Meta Graph API webhooks (Instagram and Facebook pages): the {@code hub.*} verification GET and
 * {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, body)>}.
 */
@Component
class MetaWebhook implements PlatformWebhook {
  static final String SIGNATURE = "X-Hub-Signature-256";

  private final String appSecret;
  private final String verifyToken;
  private final MetaNormaliser normaliser;

  MetaWebhook(WebhookProperties props, WebhookContext context) {
    this.appSecret = props.secrets().metaApp();
    this.verifyToken = props.secrets().metaVerifyToken();
    this.normaliser = new MetaNormaliser(context);
  }

  @Override
  public String name() {
    return "meta";
  }

  @Override
  public boolean accepts(MediaType type) {
    return MediaType.APPLICATION_JSON.isCompatibleWith(type);
  }

  @Override
  public Mono<ServerResponse> handshake(ServerRequest request) {
    String mode = request.queryParam("hub.mode").orElse(null);
    String token = request.queryParam("hub.verify_token").orElse(null);
    String challenge = request.queryParam("hub.challenge").orElse(null);
    if (!"subscribe".equals(mode) || token == null || challenge == null) {
      return ErrorResponses.error(
          400, "invalid_handshake", "expected hub.mode=subscribe, hub.verify_token, hub.challenge");
    }
    if (verifyToken.isBlank()
        || !Signatures.matches(Signatures.utf8(verifyToken), Signatures.utf8(token))) {
      return ErrorResponses.error(403, "invalid_verify_token", "the verify token does not match");
    }
    return ServerResponse.ok().contentType(MediaType.TEXT_PLAIN).bodyValue(challenge);
  }

  @Override
  public void verify(HttpHeaders headers, byte[] body, Instant now) {
    String secret = SignatureChecks.secret(appSecret);
    String header = SignatureChecks.header(headers, SIGNATURE);
    if (!header.startsWith("sha256=")) {
      throw WebhookException.unauthorized("invalid_signature", "expected sha256=<hex>");
    }
    byte[] given = Signatures.fromHex(header.substring("sha256=".length()));
    SignatureChecks.require(Signatures.matches(Signatures.hmacSha256(secret, body), given));
  }

  @Override
  public Normalised normalise(byte[] body, Instant receivedAt) {
    return normaliser.normalise(body, receivedAt);
  }
}
