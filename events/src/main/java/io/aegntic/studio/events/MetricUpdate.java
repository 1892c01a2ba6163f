package io.aegntic.studio.events;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * One window's values of one metric family for one subject, as the analytics job emits it on {@link
 * Topics#METRICS} (key = creatorId). A window is emitted early while open, once final when it
 * closes, and again as a correction when a late event changes it; the latest emission of a {@link
 * #seriesKey()} and window replaces earlier ones. Value names per family are listed in
 * docs/metrics.md.
 */
public record MetricUpdate(
    String creatorId,
    Family family,
    Scope scope,
    String subject,
    Platform platform,
    Instant windowStart,
    Instant windowEnd,
    Emission emission,
    Map<String, Double> values,
    Map<String, String> labels,
    Instant emittedAt) {

  public MetricUpdate {
    Require.text(creatorId, "creatorId");
    Require.present(family, "family");
    Require.present(scope, "scope");
    Require.text(subject, "subject");
    Require.present(windowStart, "windowStart");
    Require.present(windowEnd, "windowEnd");
    Require.present(emission, "emission");
    values = Map.copyOf(Require.present(values, "values"));
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    Require.present(emittedAt, "emittedAt");
  }

  /** Identifies the series: family, scope, subject and platform ("all" when null). */
  public String seriesKey() {
    return family.id()
        + '/'
        + scope.id()
        + '/'
        + subject
        + '/'
        + (platform == null ? "all" : platform.id());
  }

  /** The value named {@code name}, or NaN when this update does not carry it. */
  public double value(String name) {
    Double v = values.get(name);
    return v == null ? Double.NaN : v;
  }

  /** A family of metrics; each becomes one InfluxDB measurement. */
  public enum Family {
    ENGAGEMENT,
    AUDIENCE,
    SENTIMENT,
    TREND,
    REVENUE;

    private final String id = name().toLowerCase(Locale.ROOT);

    @com.fasterxml.jackson.annotation.JsonValue
    public String id() {
      return id;
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static Family of(String id) {
      return Enums.parse(Family.class, id, "metric family");
    }
  }

  /** What a metric is about: one content item, a creator as a whole, or a hashtag. */
  public enum Scope {
    CONTENT,
    CREATOR,
    HASHTAG;

    private final String id = name().toLowerCase(Locale.ROOT);

    @com.fasterxml.jackson.annotation.JsonValue
    public String id() {
      return id;
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static Scope of(String id) {
      return Enums.parse(Scope.class, id, "metric scope");
    }
  }

  /** Why this update was emitted. */
  public enum Emission {
    EARLY,
    FINAL,
    CORRECTION;

    private final String id = name().toLowerCase(Locale.ROOT);

    @com.fasterxml.jackson.annotation.JsonValue
    public String id() {
      return id;
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static Emission of(String id) {
      return Enums.parse(Emission.class, id, "emission");
    }
  }
}
