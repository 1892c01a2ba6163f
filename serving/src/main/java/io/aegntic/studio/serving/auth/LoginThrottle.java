package io.aegntic.studio.serving.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing per (account, client address): the first {@value #FREE_FAILURES}
 * failures are free, then each further failure locks that pair out for 2, 4, 8 ... seconds (at most
 * {@link #MAX_LOCK}). A successful login clears the pair. State is in memory per instance.
 */
@Component
class LoginThrottle {
  static final int FREE_FAILURES = 3;
  static final Duration MAX_LOCK = Duration.ofMinutes(5);
  private static final int MAX_ENTRIES = 100_000;

  private final Clock clock;
  private final ConcurrentHashMap<String, State> states = new ConcurrentHashMap<>();

  LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  private record State(int failures, Instant lockedUntil, Instant lastFailure) {}

  /** How long the caller must wait before trying again, or {@link Duration#ZERO}. */
  Duration retryAfter(String email, String address) {
    State s = states.get(key(email, address));
    if (s == null) {
      return Duration.ZERO;
    }
    Duration left = Duration.between(clock.instant(), s.lockedUntil());
    return left.isNegative() ? Duration.ZERO : left;
  }

  void failed(String email, String address) {
    Instant now = clock.instant();
    if (states.size() > MAX_ENTRIES) {
      states.values().removeIf(s -> s.lastFailure().isBefore(now.minus(Duration.ofHours(1))));
    }
    states.compute(
        key(email, address),
        (k, s) -> {
          int failures = s == null ? 1 : s.failures() + 1;
          Instant until = now;
          if (failures > FREE_FAILURES) {
            long seconds = 1L << Math.min(20, failures - FREE_FAILURES);
            until = now.plus(Duration.ofSeconds(Math.min(seconds, MAX_LOCK.toSeconds())));
          }
          return new State(failures, until, now);
        });
  }

  void succeeded(String email, String address) {
    states.remove(key(email, address));
  }

  private static String key(String email, String address) {
    return email + '|' + address;
  }
}
