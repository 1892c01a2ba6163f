package io.aegntic.studio.serving.generation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * How one draft was produced: provider and model, when and how long, attempts made, token usage and
 * estimated cost in USD where known (null otherwise), and the outcome with its reason.
 */
public record GenerationRecord(
    String provider,
    String model,
    Instant startedAt,
    Duration duration,
    int attempts,
    Integer inputTokens,
    Integer outputTokens,
    BigDecimal estimatedCostUsd,
    Status status,
    String errorReason) {

  /** The outcome of a generation. */
  public enum Status {
    SUCCEEDED,
    FAILED
  }

  public boolean succeeded() {
    return status == Status.SUCCEEDED;
  }
}
