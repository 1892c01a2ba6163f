package io.aegntic.studio.serving.stream;

import java.time.Instant;
import java.util.Map;

/**
 * A notice for one creator's live stream (event name {@code alert}): e.g. a rule fired, a draft is
 * ready, a connection failed. {@code id} is unique (a trigger id makes repeats idempotent for the
 * client); {@code severity} is {@code info}, {@code warning} or {@code critical}.
 */
public record Alert(
    String id,
    String creatorId,
    String severity,
    String title,
    String message,
    String ruleId,
    Instant occurredAt,
    Map<String, Object> data) {

  public Alert {
    if (id == null || id.isBlank() || creatorId == null || creatorId.isBlank()) {
      throw new IllegalArgumentException("an alert needs an id and a creatorId");
    }
    severity = severity == null ? "info" : severity;
    occurredAt = occurredAt == null ? Instant.now() : occurredAt;
    data = data == null ? Map.of() : Map.copyOf(data);
  }
}
