package io.aegntic.studio.ingest.webhook;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The router's side of {@code /webhooks/{platform}}: the platforms' verification GETs, and POSTs
 * that {@link WebhookFastPath} left to the router (handed to the same {@link WebhookReceiver}).
 */
@Component
class WebhookHandler {
  private static final Logger log = LoggerFactory.getLogger(WebhookHandler.class);

  private final Map<String, PlatformWebhook> platforms;
  private final WebhookReceiver receiver;
  private final IngestMetrics metrics;

  WebhookHandler(List<PlatformWebhook> platforms, WebhookReceiver receiver, IngestMetrics metrics) {
    this.platforms =
        platforms.stream().collect(Collectors.toMap(PlatformWebhook::name, Function.identity()));
    this.receiver = receiver;
    this.metrics = metrics;
  }

  Mono<ServerResponse> handshake(ServerRequest request) {
    PlatformWebhook platform = platforms.get(request.pathVariable("platform"));
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
                receiver.receive(platform, exchange.getRequest(), exchange.getResponse()));
  }

  private Mono<ServerResponse> reject(String platform, WebhookException e) {
    metrics.rejected(platform, e.code());
    log.info("webhook rejected platform={} status={} reason={}", platform, e.status(), e.code());
    return ErrorResponses.error(e);
  }
}
