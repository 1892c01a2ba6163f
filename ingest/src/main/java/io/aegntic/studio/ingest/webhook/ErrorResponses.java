package io.aegntic.studio.ingest.webhook;

import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** The one error body shape: {@code {"error": "<code>", "message": "..."}}, never the request. */
public final class ErrorResponses {
  private ErrorResponses() {}

  public static Mono<ServerResponse> error(int status, String code, String message) {
    return ServerResponse.status(HttpStatusCode.valueOf(status))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("error", code, "message", message));
  }

  public static Mono<ServerResponse> error(WebhookException e) {
    return error(e.status(), e.code(), e.getMessage());
  }
}
