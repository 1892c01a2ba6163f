package io.aegntic.studio.ingest.publish;

import io.aegntic.studio.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * The publisher's meters, registered once: records acknowledged per topic, latency, failed calls.
 */
final class PublishMeters {
  private final Timer latency;
  private final Counter events;
  private final Counter deadLetters;
  private final Counter failures;

  PublishMeters(MeterRegistry meters) {
    this.latency = Timer.builder("studio.ingest.publish.latency").register(meters);
    this.events = topicCounter(meters, Topics.EVENTS);
    this.deadLetters = topicCounter(meters, Topics.DLQ);
    this.failures = Counter.builder("studio.ingest.publish.failures").register(meters);
  }

  /**
   * A call whose every record was acknowledged; {@code startNanos} from {@link System#nanoTime}.
   */
  void acknowledged(long startNanos, int eventCount, int deadLetterCount) {
    latency.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    events.increment(eventCount);
    deadLetters.increment(deadLetterCount);
  }

  void failed() {
    failures.increment();
  }

  private static Counter topicCounter(MeterRegistry meters, String topic) {
    return Counter.builder("studio.ingest.published").tag("topic", topic).register(meters);
  }
}
