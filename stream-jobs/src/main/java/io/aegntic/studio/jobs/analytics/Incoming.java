package io.aegntic.studio.jobs.analytics;

import io.aegntic.studio.events.DeadLetter;
import io.aegntic.studio.events.StudioEvent;

/**
 * One record read from the events topic: either the parsed event or, when it could not be parsed,
 * the dead letter that says why. Parsing in the source lets event time and watermarks be assigned
 * per Kafka partition.
 */
record Incoming(StudioEvent event, DeadLetter deadLetter) {

  static Incoming of(StudioEvent event) {
    return new Incoming(event, null);
  }

  static Incoming dead(DeadLetter deadLetter) {
    return new Incoming(null, deadLetter);
  }

  /** Event time in epoch millis; dead letters carry none, so they never move the watermark. */
  long eventTime() {
    return event == null ? Long.MIN_VALUE : event.occurredAt().toEpochMilli();
  }
}
