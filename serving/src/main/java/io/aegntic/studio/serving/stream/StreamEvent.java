package io.aegntic.studio.serving.stream;

/**
 * One event of a creator's stream: {@code id} increases across the instance, {@code name} is the
 * SSE event name ({@code metric}, {@code alert}), {@code key} identifies what a newer event of the
 * same key supersedes (the metric series), {@code data} is the JSON payload.
 */
record StreamEvent(long id, String creatorId, String name, String key, String data) {
  static final String METRIC = "metric";
  static final String ALERT = "alert";
  static final String HEARTBEAT = "heartbeat";
  static final String HELLO = "hello";
}
