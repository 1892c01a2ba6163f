package io.aegntic.studio.serving.analytics;

import io.aegntic.studio.serving.config.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A validated request for one metric's series. Every part is checked here, before any InfluxQL is
 * built: the metric must be in the {@link MetricCatalog}, ids must match {@link #ID}, the range
 * must be ordered, within {@link #MAX_RANGE} and not far in the future, and the step must give at
 * most {@link #MAX_POINTS} points.
 */
record MetricQuery(
    MetricCatalog.Metric metric,
    String scope,
    String subject,
    String platform,
    String creator,
    Instant from,
    Instant to,
    Duration step) {

  static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:@-]{0,127}");
  static final Pattern HASHTAG = Pattern.compile("[\\p{L}\\p{N}_]{1,100}");
  static final Pattern STEP = Pattern.compile("([1-9][0-9]{0,4})([smhd])");
  static final Duration MAX_RANGE = Duration.ofDays(400);
  static final Duration MIN_STEP = Duration.ofSeconds(10);
  static final long MAX_POINTS = 10_000;
  static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
  static final List<String> PLATFORMS =
      List.of("all", "x", "instagram", "facebook", "youtube", "tiktok", "linkedin", "stripe");

  /** Validates raw parameters; {@code now} bounds defaults and the future. */
  static MetricQuery parse(
      String metric,
      String content,
      String hashtag,
      String platform,
      String creator,
      String from,
      String to,
      String step,
      Instant now) {
    MetricCatalog.Metric m =
        MetricCatalog.find(metric)
            .orElseThrow(
                () ->
                    bad(
                        "bad_metric",
                        "metric must be one of family.field, e.g. engagement.engagement_rate;"
                            + " known: "
                            + String.join(", ", MetricCatalog.ids())));
    if (content != null && hashtag != null) {
      throw bad("bad_scope", "give content or hashtag, not both");
    }
    String scope = "creator";
    String subject = null;
    if (content != null) {
      scope = "content";
      subject = id("content", content);
    } else if (hashtag != null) {
      scope = "hashtag";
      String tag = hashtag.startsWith("#") ? hashtag.substring(1) : hashtag;
      if (!HASHTAG.matcher(tag).matches()) {
        throw bad("bad_hashtag", "hashtag must be letters, digits or _ (at most 100)");
      }
      subject = tag.toLowerCase(Locale.ROOT);
    }
    if (platform != null && !PLATFORMS.contains(platform)) {
      throw bad("bad_platform", "platform must be one of " + String.join(", ", PLATFORMS));
    }
    if (creator != null) {
      id("creator", creator);
    }
    Instant end = instant("to", to, now);
    Instant start = instant("from", from, end.minus(Duration.ofHours(24)));
    if (!start.isBefore(end)) {
      throw bad("bad_range", "from must be before to");
    }
    if (start.isBefore(EARLIEST) || end.isAfter(now.plus(Duration.ofDays(1)))) {
      throw bad("bad_range", "range must lie between 2000-01-01 and one day from now");
    }
    Duration range = Duration.between(start, end);
    if (range.compareTo(MAX_RANGE) > 0) {
      throw bad("bad_range", "range must be at most " + MAX_RANGE.toDays() + " days");
    }
    Duration stepDuration = step == null || step.isBlank() ? null : step(step);
    if (stepDuration != null && range.dividedBy(stepDuration) > MAX_POINTS) {
      throw bad("bad_step", "step too small for the range: at most " + MAX_POINTS + " points");
    }
    return new MetricQuery(m, scope, subject, platform, creator, start, end, stepDuration);
  }

  /**
   * Maps the explicit form {@code scope=content|creator|hashtag&subject=...} onto the {@code
   * content} / {@code hashtag} parameters; returns {@code [content, hashtag]}.
   */
  static String[] scoped(String scope, String subject, String content, String hashtag) {
    if (scope == null) {
      return new String[] {content, hashtag};
    }
    return switch (scope) {
      case "creator" -> new String[] {null, null};
      case "content" -> new String[] {content != null ? content : subject, null};
      case "hashtag" ->
          new String[] {null, hashtag != null ? hashtag : subject != null ? subject : content};
      default -> throw bad("bad_scope", "scope must be content, creator or hashtag");
    };
  }

  static String id(String name, String value) {
    if (!ID.matcher(value).matches()) {
      throw bad("bad_" + name, name + " must match " + ID.pattern());
    }
    return value;
  }

  static Duration step(String value) {
    Matcher m = STEP.matcher(value);
    if (!m.matches()) {
      throw bad("bad_step", "step must be a number and a unit s, m, h or d, e.g. 5m");
    }
    long n = Long.parseLong(m.group(1));
    Duration d =
        switch (m.group(2)) {
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          default -> Duration.ofDays(n);
        };
    if (d.compareTo(MIN_STEP) < 0 || d.compareTo(Duration.ofDays(31)) > 0) {
      throw bad("bad_step", "step must be between 10s and 31d");
    }
    return d;
  }

  private static Instant instant(String name, String value, Instant fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw bad("bad_" + name, name + " must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
    }
  }

  static ApiException bad(String code, String reason) {
    return ApiException.badRequest(code, reason);
  }
}
