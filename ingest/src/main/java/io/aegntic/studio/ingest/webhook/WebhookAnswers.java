package io.aegntic.studio.ingest.webhook;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;

/**
 * The answers to webhook POSTs, written straight to the response as JSON bytes with their length:
 * the same status, content type and {@code {"error","message"}} shape as {@link ErrorResponses},
 * without a codec lookup per request. Messages are ours; the request is never quoted.
 */
final class WebhookAnswers {
  private static final byte[] UNAVAILABLE =
      errorBody("broker_unavailable", "the events could not be stored durably; retry later");
  private static final byte[] INTERNAL =
      ("{\"error\":\"internal_server_error\",\"message\":\"Internal Server Error\",\"status\":500}")
          .getBytes(StandardCharsets.UTF_8);

  private WebhookAnswers() {}

  /** 200 {@code {"events":n,"deadLetters":m}}. */
  static Mono<Void> accepted(ServerHttpResponse response, Normalised normalised) {
    byte[] body =
        ("{\"events\":"
                + normalised.events().size()
                + ",\"deadLetters\":"
                + normalised.deadLetters().size()
                + "}")
            .getBytes(StandardCharsets.US_ASCII);
    return json(response, HttpStatus.OK, body);
  }

  static Mono<Void> rejected(ServerHttpResponse response, WebhookException e) {
    return json(response, HttpStatusCode.valueOf(e.status()), errorBody(e.code(), e.getMessage()));
  }

  /** 503 with {@code Retry-After}: the broker did not acknowledge every record. */
  static Mono<Void> unavailable(ServerHttpResponse response, String retryAfterSeconds) {
    response.getHeaders().set(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
    return json(response, HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE);
  }

  /** A failure of ours: the body Boot's error handler gives other paths (QuietErrorAttributes). */
  static Mono<Void> internalError(ServerHttpResponse response) {
    return json(response, HttpStatus.INTERNAL_SERVER_ERROR, INTERNAL);
  }

  private static Mono<Void> json(ServerHttpResponse response, HttpStatusCode status, byte[] body) {
    response.setStatusCode(status);
    HttpHeaders headers = response.getHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setContentLength(body.length);
    return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
  }

  private static byte[] errorBody(String code, String message) {
    JsonStringEncoder json = JsonStringEncoder.getInstance();
    return ("{\"error\":\""
            + new String(json.quoteAsString(code))
            + "\",\"message\":\""
            + new String(json.quoteAsString(message))
            + "\"}")
        .getBytes(StandardCharsets.UTF_8);
  }
}
