package io.aegntic.studio.serving.stream;

import java.time.Duration;
import org.springframework.http.codec.ServerSentEvent;

/**
 * One event of a creator's stream: {@code id} increases across the instance, {@code name} is the
 * SSE event name ({@code metric}, {@code alert}), {@code key} identifies what a newer event of the
 * same key supersedes (the metric series), {@code data} is the JSON payload. {@code frame} is the
 * SSE frame, built once per event and shared by every stream it is fanned out to.
 */
record StreamEvent(
    long id,
    String creatorId,
    String name,
    String key,
    String data,
    ServerSentEvent<String> frame) {
  static final String METRIC = "metric";
  static final String ALERT = "alert";
  static final String HEARTBEAT = "heartbeat";
  static final String HELLO = "hello";

  StreamEvent(long id, String creatorId, String name, String key, String data) {
    this(id, creatorId, name, key, data, frameOf(id, name, data));
  }

  private static ServerSentEvent<String> frameOf(long id, String name, String data) {
    return switch (name) {
      case HELLO ->
          ServerSentEvent.<String>builder()
              .comment("connected")
              .retry(Duration.ofSeconds(3))
              .build();
      case HEARTBEAT -> ServerSentEvent.<String>builder().comment("heartbeat").build();
      default -> ServerSentEvent.builder(data).id(Long.toString(id)).event(name).build();
    };
  }
}
