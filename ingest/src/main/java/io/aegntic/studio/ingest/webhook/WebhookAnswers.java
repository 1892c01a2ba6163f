package io.aegntic.studio.ingest.webhook;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.charset.StandardCharsets;
import reactor.core.publisher.Mono;

/**
 * The answers to webhook POSTs, written as JSON bytes with their length ({@link Reply}): the same
 * status, content type and {@code {"error","message"}} shape as {@link ErrorResponses}, without a
 * codec lookup per request. Messages are ours; the request is never quoted.
 */
final class WebhookAnswers {
  private static final byte[] UNAVAILABLE =
      errorBody("broker_unavailable", "the events could not be stored durably; retry later");
  private static final byte[] INTERNAL =
      ("{\"error\":\"internal_server_error\",\"message\":\"Internal Server Error\",\"status\":500}")
          .getBytes(StandardCharsets.UTF_8);

  private WebhookAnswers() {}

  /** 200 {@code {"events":n,"deadLetters":m}}. */
  static Mono<Void> accepted(Reply reply, Normalised normalised) {
    byte[] body =
        ("{\"events\":"
                + normalised.events().size()
                + ",\"deadLetters\":"
                + normalised.deadLetters().size()
                + "}")
            .getBytes(StandardCharsets.US_ASCII);
    return reply.json(200, body, null);
  }

  static Mono<Void> rejected(Reply reply, WebhookException e) {
    return reply.json(e.status(), errorBody(e.code(), e.getMessage()), null);
  }

  /** 503 with {@code Retry-After}: the broker did not acknowledge every record. */
  static Mono<Void> unavailable(Reply reply, String retryAfterSeconds) {
    return reply.json(503, UNAVAILABLE, retryAfterSeconds);
  }

  /** A failure of ours: the body Boot's error handler gives other paths (QuietErrorAttributes). */
  static Mono<Void> internalError(Reply reply) {
    return reply.json(500, INTERNAL, null);
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
