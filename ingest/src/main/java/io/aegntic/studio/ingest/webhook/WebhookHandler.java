package io.aegntic.studio.ingest.webhook;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The router's side of {@code /webhooks/{platform}}: the platforms' verification GETs, and POSTs
 * that {@link WebhookRoute} left to the router (handed to the same {@link WebhookReceiver}, whose
 * platforms and rejection metrics the handshakes share).
 */
@Component
class WebhookHandler {
  private final WebhookReceiver receiver;

  WebhookHandler(WebhookReceiver receiver) {
    this.receiver = receiver;
  }

  Mono<ServerResponse> handshake(ServerRequest request) {
    PlatformWebhook platform = receiver.platform(request.pathVariable("platform"));
    if (platform == null) {
      return reject("unknown", new WebhookException(404, "unknown_platform", "no such webhook"));
    }
    return Mono.defer(() -> platform.handshake(request))
        .onErrorResume(WebhookException.class, e -> reject(platform.name(), e));
  }

  /** The receiver writes the answer itself; the router only hands it the exchange. */
  Mono<ServerResponse> receive(ServerRequest request) {
    String platform = request.pathVariable("platform");
    return ServerResponse.ok()
        .build(
            (exchange, context) ->
                receiver.receive(
                    platform, exchange.getRequest(), Reply.viaSpring(exchange.getResponse())));
  }

  private Mono<ServerResponse> reject(String platform, WebhookException e) {
    receiver.countRejected(platform, e);
    return ErrorResponses.error(e);
  }
}
