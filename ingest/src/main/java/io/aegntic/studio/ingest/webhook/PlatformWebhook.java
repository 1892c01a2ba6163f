package io.aegntic.studio.ingest.webhook;

import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * One platform's webhook receiver at {@code /webhooks/{name}}: its handshake, its signature check
 * over the raw body, and the mapping of a verified body to events.
 */
public interface PlatformWebhook {

  /** The path segment after {@code /webhooks/}. */
  String name();

  /** Whether a POST with this content type is accepted (415 otherwise). */
  boolean accepts(MediaType contentType);

  /** Answers the platform's verification GET. */
  Mono<ServerResponse> handshake(ServerRequest request);

  /** Throws a 401 {@link WebhookException} unless the body was signed with our secret. */
  void verify(HttpHeaders headers, byte[] body, Instant now);

  /** Maps a verified body; throws a 400 {@link WebhookException} when it cannot be parsed. */
  Normalised normalise(byte[] body, Instant receivedAt);
}
