package io.aegntic.studio.ingest.poll;

import com.fasterxml.jackson.databind.JsonNode;
import io.aegntic.studio.events.EventJson;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads the platforms' rate-limit signals into pauses: {@code Retry-After} (seconds or HTTP date)
 * on 429/503; X's {@code x-rate-limit-remaining}/{@code x-rate-limit-reset} (epoch seconds); Meta's
 * {@code X-App-Usage} (percentages, throttled at 100) and {@code X-Business-Use-Case-Usage} ({@code
 * estimated_time_to_regain_access}, minutes).
 */
final class RateHeaders {
  static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(60);

  private RateHeaders() {}

  /** The time before which nothing may be sent, if the response says so. */
  static Optional<Instant> pauseUntil(int status, HttpHeaders h, Instant now) {
    Instant until = null;
    if (status == 429 || status == 503) {
      until = now.plus(retryAfter(h, now).orElse(DEFAULT_BACKOFF));
    }
    Optional<String> remaining = h.firstValue("x-rate-limit-remaining");
    Optional<String> reset = h.firstValue("x-rate-limit-reset");
    if (remaining.isPresent() && reset.isPresent() && number(remaining.get()) == 0) {
      until = later(until, Instant.ofEpochSecond(number(reset.get())));
    }
    Optional<String> app = h.firstValue("x-app-usage");
    if (app.isPresent() && maxPercent(json(app.get())) >= 100) {
      until = later(until, now.plus(DEFAULT_BACKOFF.multipliedBy(5)));
    }
    Optional<String> buc = h.firstValue("x-business-use-case-usage");
    if (buc.isPresent()) {
      for (JsonNode list : json(buc.get())) {
        for (JsonNode usage : list) {
          long minutes = usage.path("estimated_time_to_regain_access").asLong(0);
          if (minutes > 0 || maxPercent(usage) >= 100) {
            until = later(until, now.plus(Duration.ofMinutes(Math.max(minutes, 5))));
          }
        }
      }
    }
    return Optional.ofNullable(until);
  }

  /**
   * {@code Retry-After} as a wait from {@code now} (an HTTP date is read against it, not the wall
   * clock).
   */
  static Optional<Duration> retryAfter(HttpHeaders h, Instant now) {
    Optional<String> value = h.firstValue("retry-after");
    if (value.isEmpty()) {
      return Optional.empty();
    }
    String v = value.get().trim();
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
    } catch (NumberFormatException e) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration wait = Duration.between(now, at.toInstant());
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
      } catch (DateTimeParseException bad) {
        return Optional.empty();
      }
    }
  }

  private static long maxPercent(JsonNode usage) {
    long max = 0;
    for (String f : new String[] {"call_count", "total_time", "total_cputime"}) {
      max = Math.max(max, usage.path(f).asLong(0));
    }
    return max;
  }

  private static JsonNode json(String s) {
    try {
      return EventJson.mapper().readTree(s);
    } catch (Exception e) {
      return EventJson.mapper().createObjectNode();
    }
  }

  private static long number(String s) {
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static Instant later(Instant a, Instant b) {
    return a == null || b.isAfter(a) ? b : a;
  }
}
