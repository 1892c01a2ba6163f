package io.aegntic.studio.ingest.webhook;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import org.reactivestreams.Publisher;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.support.Netty4HeadersAdapter;
import org.springframework.stereotype.Component;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * Serves {@code POST /webhooks/<platform>} with a declared body length on Reactor Netty, before
 * Spring's HTTP adapter and WebFlux: the hot path skips the adapter's request and response objects
 * (it parses every request's URI), the exchange, filters, observation, dispatch and routing, which
 * together cost more than verifying and publishing a delivery (the ingest benchmark's profile,
 * docs/performance.md). Everything else goes on to Spring: handshakes, actuator, a path with
 * encoded characters or matrix parameters, and a body without a length (chunked), which the
 * router's POST route hands to the same {@link WebhookReceiver}.
 */
@Component
class WebhookRoute implements NettyRouteProvider {
  private static final String PREFIX = "/webhooks/";

  private final WebhookReceiver receiver;

  WebhookRoute(WebhookReceiver receiver) {
    this.receiver = receiver;
  }

  @Override
  public HttpServerRoutes apply(HttpServerRoutes routes) {
    return routes.route(WebhookRoute::takes, this::handle);
  }

  private static boolean takes(HttpServerRequest request) {
    return platformOf(
            request.method() == HttpMethod.POST,
            request.uri(),
            request.requestHeaders().contains(HttpHeaderNames.CONTENT_LENGTH))
        != null;
  }

  private Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
    String platform = platformOf(true, request.uri(), true);
    HttpHeaders headers = new HttpHeaders(new Netty4HeadersAdapter(request.requestHeaders()));
    // The decoder reads exactly the declared length; the receiver refuses one above its limit
    // before the body is read.
    return receiver.receive(
        platform,
        headers,
        request.receive().aggregate().asByteArray(),
        receiver.publisherFor(((Connection) request).channel().eventLoop()),
        Reply.netty(response));
  }

  /**
   * The one plain path segment after {@code /webhooks/} of a POST with a declared length, or null.
   */
  static String platformOf(boolean post, String uri, boolean declaredLength) {
    if (!post || !declaredLength || !uri.startsWith(PREFIX)) {
      return null;
    }
    int end = uri.indexOf('?');
    end = end < 0 ? uri.length() : end;
    if (end == PREFIX.length()) {
      return null;
    }
    for (int i = PREFIX.length(); i < end; i++) {
      char c = uri.charAt(i);
      if (c == '/' || c == '%' || c == ';') {
        return null;
      }
    }
    return uri.substring(PREFIX.length(), end);
  }
}
