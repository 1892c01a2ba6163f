package io.aegntic.studio.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The limiter's quota day and pauses, and the platforms' rate headers read into pauses. */
class RateLimiterTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T23:00:00Z"));

  @Test
  void theDailyQuotaIsSpentUnitByUnitAndComesBackNextDay() {
    RateLimiter limiter =
        new RateLimiter("youtube", clock, 3, ZoneOffset.UTC, new SimpleMeterRegistry());
    limiter.acquire(1);
    limiter.acquire(2);
    assertThatThrownBy(() -> limiter.acquire(1)).isInstanceOf(RateLimiter.Paused.class);
    assertThat(limiter.status().pausedUntil()).isEqualTo(Instant.parse("2026-03-03T00:00:00Z"));
    assertThat(limiter.status().quotaUsed()).isEqualTo(3);
    clock.advance(Duration.ofHours(1));
    limiter.acquire(1);
    assertThat(limiter.status().quotaUsed()).isEqualTo(1);
  }

  @Test
  void aPauseKeepsTheLaterEnd() {
    RateLimiter limiter = new RateLimiter("x", clock, 0, ZoneOffset.UTC, new SimpleMeterRegistry());
    limiter.pause(clock.instant().plusSeconds(100), "long");
    limiter.pause(clock.instant().plusSeconds(10), "short");
    assertThat(limiter.status().reason()).isEqualTo("long");
    clock.advance(Duration.ofSeconds(99));
    assertThatThrownBy(() -> limiter.acquire(1)).isInstanceOf(RateLimiter.Paused.class);
    clock.advance(Duration.ofSeconds(1));
    limiter.acquire(1);
  }

  @Test
  void retryAfterXAndMetaHeadersBecomePauses() {
    Instant now = clock.instant();
    assertThat(RateHeaders.pauseUntil(429, headers(Map.of("Retry-After", "30")), now))
        .contains(now.plusSeconds(30));
    assertThat(RateHeaders.pauseUntil(429, headers(Map.of()), now)).contains(now.plusSeconds(60));
    // An HTTP date is read against the injected clock (2026-03-02T23:00:00Z), not the wall clock.
    assertThat(
            RateHeaders.pauseUntil(
                503, headers(Map.of("Retry-After", "Mon, 02 Mar 2026 23:02:30 GMT")), now))
        .contains(now.plusSeconds(150));
    assertThat(
            RateHeaders.pauseUntil(
                429, headers(Map.of("Retry-After", "Mon, 02 Mar 2026 22:00:00 GMT")), now))
        .contains(now);
    assertThat(
            RateHeaders.pauseUntil(
                200,
                headers(
                    Map.of(
                        "x-rate-limit-limit",
                        "900",
                        "x-rate-limit-remaining",
                        "0",
                        "x-rate-limit-reset",
                        "1772496000")),
                now))
        .contains(Instant.ofEpochSecond(1772496000));
    assertThat(
            RateHeaders.pauseUntil(
                200,
                headers(Map.of("x-rate-limit-remaining", "3", "x-rate-limit-reset", "1772496000")),
                now))
        .isEmpty();
    assertThat(
            RateHeaders.pauseUntil(
                200,
                headers(
                    Map.of(
                        "X-App-Usage",
                        "{\"call_count\":100,\"total_time\":20,\"total_cputime\":10}")),
                now))
        .contains(now.plusSeconds(300));
    assertThat(
            RateHeaders.pauseUntil(
                200,
                headers(
                    Map.of(
                        "X-App-Usage",
                        "{\"call_count\":42,\"total_time\":20,\"total_cputime\":10}")),
                now))
        .isEmpty();
    assertThat(
            RateHeaders.pauseUntil(
                200,
                headers(
                    Map.of(
                        "X-Business-Use-Case-Usage",
                        "{\"17841400000000001\":[{\"type\":\"instagram\",\"call_count\":100,\"total_cputime\":3,\"total_time\":4,\"estimated_time_to_regain_access\":12}]}")),
                now))
        .contains(now.plus(Duration.ofMinutes(12)));
  }

  @Test
  void youngPostsArePolledOftenAndOldOnesRarely() {
    Schedule s = new Schedule(Duration.ofMinutes(1), Duration.ofHours(6), 0);
    assertThat(s.interval(Duration.ofMinutes(10))).isEqualTo(Duration.ofMinutes(1));
    assertThat(s.interval(Duration.ofHours(2))).isEqualTo(Duration.ofMinutes(5));
    assertThat(s.interval(Duration.ofHours(12))).isEqualTo(Duration.ofMinutes(15));
    assertThat(s.interval(Duration.ofDays(3))).isEqualTo(Duration.ofHours(1));
    assertThat(s.interval(Duration.ofDays(30))).isEqualTo(Duration.ofHours(6));
    Schedule jittered = new Schedule(Duration.ofMinutes(1), Duration.ofHours(6), 0.1);
    for (int i = 0; i < 50; i++) {
      assertThat(jittered.jittered(Duration.ofMinutes(10)))
          .isBetween(Duration.ofMinutes(9), Duration.ofMinutes(11));
    }
  }

  private static HttpHeaders headers(Map<String, String> h) {
    Map<String, List<String>> m = new java.util.HashMap<>();
    h.forEach((k, v) -> m.put(k, List.of(v)));
    return HttpHeaders.of(m, (a, b) -> true);
  }
}
