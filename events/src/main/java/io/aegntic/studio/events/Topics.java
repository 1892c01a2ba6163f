package io.aegntic.studio.events;

import java.time.Duration;
import java.util.List;

/**
 * The catalogue of every Kafka topic the studio uses. No other class names a topic: producers,
 * consumers, the local stack and the tests all read the names and settings from here.
 */
public final class Topics {

  /** Platform events, key = creatorId. */
  public static final String EVENTS = "studio.events.v1";

  /** Metrics computed by the analytics job, key = creatorId. */
  public static final String METRICS = "studio.metrics.v1";

  /** Automation rules, key = ruleId, compacted; a delete is a tombstone. */
  public static final String RULES = "studio.rules.v1";

  /** Rule firings, key = creatorId. */
  public static final String TRIGGERS = "studio.triggers.v1";

  /** Authentic but unprocessable input, with the reason, key = platform. */
  public static final String DLQ = "studio.dlq.v1";

  private Topics() {}

  /** How a topic is created: partitions, whether it is compacted, how long it keeps records. */
  public record Spec(String name, int partitions, boolean compacted, Duration retention) {}

  /** Every topic with the settings the local stack and deployments create it with. */
  public static List<Spec> all() {
    return List.of(
        new Spec(EVENTS, 6, false, Duration.ofDays(7)),
        new Spec(METRICS, 6, false, Duration.ofDays(3)),
        new Spec(RULES, 3, true, Duration.ZERO),
        new Spec(TRIGGERS, 3, false, Duration.ofDays(30)),
        new Spec(DLQ, 1, false, Duration.ofDays(30)));
  }
}
