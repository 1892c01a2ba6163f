package io.aegntic.studio.ingest.webhook;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;

/**
 * Serves {@code POST /webhooks/<platform>} in front of WebFlux's web handler (installed as an
 * {@link HttpHandler} decorator): the hot path skips the exchange, filter chain, observation,
 * dispatch and routing that cost more than verifying and publishing a delivery (the ingest
 * benchmark's profile, docs/performance.md). Everything else (handshakes, actuator, paths with
 * encoded characters or matrix parameters, which the router decodes) goes to WebFlux unchanged.
 */
final class WebhookFastPath implements HttpHandler {
  private static final String PREFIX = "/webhooks/";

  private final HttpHandler webflux;
  private final WebhookReceiver receiver;

  WebhookFastPath(HttpHandler webflux, WebhookReceiver receiver) {
    this.webflux = webflux;
    this.receiver = receiver;
  }

  @Override
  public Mono<Void> handle(ServerHttpRequest request, ServerHttpResponse response) {
    String platform = request.getMethod() == HttpMethod.POST ? platformOf(request) : null;
    return platform == null
        ? webflux.handle(request, response)
        : receiver.receive(platform, request, Reply.direct(response));
  }

  /** The one plain path segment after {@code /webhooks/}, or null. */
  static String platformOf(ServerHttpRequest request) {
    String path = request.getPath().value();
    if (!path.startsWith(PREFIX) || path.length() == PREFIX.length()) {
      return null;
    }
    for (int i = PREFIX.length(); i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '/' || c == '%' || c == ';') {
        return null;
      }
    }
    return path.substring(PREFIX.length());
  }
}
