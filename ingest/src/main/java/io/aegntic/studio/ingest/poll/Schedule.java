package io.aegntic.studio.ingest.poll;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a post is polled next: every {@code young} while it is under an hour old, then 5x, 15x, 60x
 * and 360x that as it passes 6 hours, a day and a week, never more than {@code max}; each interval
 * stretched or shrunk at random by up to {@code jitter} so connections do not poll in lock-step.
 */
public final class Schedule {
  private final Duration young;
  private final Duration max;
  private final double jitter;

  Schedule(Duration young, Duration max, double jitter) {
    this.young = young;
    this.max = max;
    this.jitter = jitter;
  }

  /** The un-jittered interval of a post of this age. */
  Duration interval(Duration age) {
    long factor;
    if (age.compareTo(Duration.ofHours(1)) < 0) {
      factor = 1;
    } else if (age.compareTo(Duration.ofHours(6)) < 0) {
      factor = 5;
    } else if (age.compareTo(Duration.ofDays(1)) < 0) {
      factor = 15;
    } else if (age.compareTo(Duration.ofDays(7)) < 0) {
      factor = 60;
    } else {
      factor = 360;
    }
    Duration d = young.multipliedBy(factor);
    return d.compareTo(max) > 0 ? max : d;
  }

  /** When a post published at {@code published} is next due after a poll at {@code now}. */
  public Instant next(Instant published, Instant now) {
    return now.plus(jittered(interval(Duration.between(published, now))));
  }

  Duration jittered(Duration d) {
    double f = 1 + (jitter == 0 ? 0 : ThreadLocalRandom.current().nextDouble(-jitter, jitter));
    return Duration.ofMillis(Math.max(1, Math.round(d.toMillis() * f)));
  }
}
