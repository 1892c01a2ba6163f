package io.aegntic.studio.ingest.poll;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one gate every request of a platform app passes: paused after a 429 (for its Retry-After),
 * when the platform's rate headers say the window is spent (until its reset), and when the daily
 * quota is used up (until the quota day's end). While paused it lets no request through.
 */
public final class RateLimiter {
  private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);
  private final String platform;
  private final Clock clock;
  private final long dailyQuota;
  private final ZoneId quotaZone;
  private Instant pausedUntil = Instant.EPOCH;
  private String reason = "";
  private LocalDate quotaDay;
  private long used;

  RateLimiter(
      String platform, Clock clock, long dailyQuota, ZoneId quotaZone, MeterRegistry meters) {
    this.platform = platform;
    this.clock = clock;
    this.dailyQuota = dailyQuota;
    this.quotaZone = quotaZone;
    Gauge.builder("studio.ingest.poll.paused", this, r -> r.paused() ? 1 : 0)
        .tag("platform", platform)
        .description("1 while the platform's poller is paused by a rate limit or quota")
        .register(meters);
    Gauge.builder("studio.ingest.poll.quota.used", this, r -> r.status().quotaUsed())
        .tag("platform", platform)
        .description("quota units spent in the platform's current quota day")
        .register(meters);
  }

  /** Takes {@code cost} units for one request; throws {@link Paused} instead of sending. */
  synchronized void acquire(int cost) {
    Instant now = clock.instant();
    if (now.isBefore(pausedUntil)) {
      throw new Paused(platform, pausedUntil, reason);
    }
    rollQuotaDay(now);
    if (dailyQuota > 0 && used + cost > dailyQuota) {
      pause(nextQuotaDay(now), "daily quota of " + dailyQuota + " units used");
      throw new Paused(platform, pausedUntil, reason);
    }
    used += cost;
  }

  /** Pauses until {@code until} (a later pause already in force is kept). */
  public synchronized void pause(Instant until, String why) {
    if (until.isAfter(pausedUntil)) {
      pausedUntil = until;
      reason = why;
      log.warn("poller {} paused until {}: {}", platform, until, why);
    }
  }

  /** The platform said the day's quota is spent: pause until the quota day ends. */
  public synchronized void quotaExhausted(String why) {
    Instant now = clock.instant();
    rollQuotaDay(now);
    used = Math.max(used, dailyQuota);
    pause(nextQuotaDay(now), why);
  }

  synchronized boolean paused() {
    return clock.instant().isBefore(pausedUntil);
  }

  synchronized Status status() {
    Instant now = clock.instant();
    rollQuotaDay(now);
    boolean p = now.isBefore(pausedUntil);
    return new Status(platform, p, p ? pausedUntil : null, p ? reason : null, used, dailyQuota);
  }

  public Clock clock() {
    return clock;
  }

  private void rollQuotaDay(Instant now) {
    LocalDate day = now.atZone(quotaZone).toLocalDate();
    if (!day.equals(quotaDay)) {
      quotaDay = day;
      used = 0;
    }
  }

  private Instant nextQuotaDay(Instant now) {
    return now.atZone(quotaZone).toLocalDate().plusDays(1).atStartOfDay(quotaZone).toInstant();
  }

  /** What {@code GET /pollers} shows of one platform. */
  public record Status(
      String platform,
      boolean paused,
      Instant pausedUntil,
      String reason,
      long quotaUsed,
      long dailyQuota) {}

  /** No request may be sent to the platform now. */
  public static final class Paused extends RuntimeException {
    public Paused(String platform, Instant until, String reason) {
      super(platform + " paused until " + until + ": " + reason, null, false, false);
    }
  }
}
