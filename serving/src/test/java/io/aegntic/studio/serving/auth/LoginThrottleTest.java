package io.aegntic.studio.serving.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  private static final class MutableClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void locksOutWithGrowingDelaysPerAccountAndAddress() {
    MutableClock clock = new MutableClock();
    LoginThrottle throttle = new LoginThrottle(clock);
    for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
      throttle.failed("a@x", "1.1.1.1");
      assertThat(throttle.retryAfter("a@x", "1.1.1.1")).isZero();
    }
    throttle.failed("a@x", "1.1.1.1");
    assertThat(throttle.retryAfter("a@x", "1.1.1.1")).isEqualTo(Duration.ofSeconds(2));
    assertThat(throttle.retryAfter("a@x", "2.2.2.2")).isZero();
    assertThat(throttle.retryAfter("b@x", "1.1.1.1")).isZero();
    throttle.failed("a@x", "1.1.1.1");
    assertThat(throttle.retryAfter("a@x", "1.1.1.1")).isEqualTo(Duration.ofSeconds(4));
    clock.now = clock.now.plusSeconds(4);
    assertThat(throttle.retryAfter("a@x", "1.1.1.1")).isZero();
    for (int i = 0; i < 30; i++) {
      throttle.failed("a@x", "1.1.1.1");
    }
    assertThat(throttle.retryAfter("a@x", "1.1.1.1")).isEqualTo(LoginThrottle.MAX_LOCK);
    throttle.succeeded("a@x", "1.1.1.1");
    assertThat(throttle.retryAfter("a@x", "1.1.1.1")).isZero();
  }
}
