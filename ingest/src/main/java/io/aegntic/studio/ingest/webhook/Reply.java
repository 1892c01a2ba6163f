package io.aegntic.studio.ingest.webhook;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Where a webhook POST's JSON answer goes. On {@link WebhookRoute} it is written straight to
 * Reactor Netty's response. Under WebFlux (the router's route) it goes through Spring's response,
 * which WebFlux completes afterwards. Both give the same status, headers and bytes
 * (WebhookPostAnswersTest).
 */
abstract class Reply {

  /** Writes {@code body} as JSON with its length; {@code retryAfter} may be null. */
  abstract Mono<Void> json(int status, byte[] body, String retryAfter);

  /** Whether the status and headers are out already (e.g. the client left while they were). */
  abstract boolean committed();

  static Reply netty(HttpServerResponse response) {
    return new Netty(response);
  }

  static Reply viaSpring(ServerHttpResponse response) {
    return new Spring(response);
  }

  private static final class Netty extends Reply {
    private final HttpServerResponse response;

    Netty(HttpServerResponse response) {
      this.response = response;
    }

    @Override
    Mono<Void> json(int status, byte[] body, String retryAfter) {
      response.status(status);
      if (retryAfter != null) {
        response.header(HttpHeaderNames.RETRY_AFTER, retryAfter);
      }
      response
          .header(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
          .header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(body.length));
      return response.sendObject(Unpooled.wrappedBuffer(body)).then();
    }

    @Override
    boolean committed() {
      return response.hasSentHeaders();
    }
  }

  private static final class Spring extends Reply {
    private final ServerHttpResponse response;

    Spring(ServerHttpResponse response) {
      this.response = response;
    }

    @Override
    Mono<Void> json(int status, byte[] body, String retryAfter) {
      response.setStatusCode(HttpStatusCode.valueOf(status));
      HttpHeaders headers = response.getHeaders();
      if (retryAfter != null) {
        headers.set(HttpHeaders.RETRY_AFTER, retryAfter);
      }
      headers.setContentType(MediaType.APPLICATION_JSON);
      headers.setContentLength(body.length);
      return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    @Override
    boolean committed() {
      return response.isCommitted();
    }
  }
}
