package io.aegntic.studio.jobs.analytics;

import io.aegntic.studio.events.MetricUpdate;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The InfluxDB point of a metric update, as a line of line protocol: measurement = family, tags
 * creator/platform/scope/subject (and the labels, e.g. currency), the window end as the time.
 * Early, final and corrected values of a window therefore land on the same point, and a replay
 * overwrites instead of adding. Written directly rather than through influxdb-java's {@code Point}
 * (sorted maps and a {@code NumberFormat} per point), to the same text: tags and fields sorted by
 * name, escaped alike, empty tags and non-finite values left out, floats in plain decimal notation,
 * time in nanoseconds ({@code InfluxPointsTest} compares the two).
 */
final class InfluxPoints {
  /**
   * Comment texts ride on the topic only: as tags they would split a window's point into one series
   * per text (and unbounded tag cardinality).
   */
  private static final String COMMENT_LABEL = "top_comment_";

  private static final String EMISSION = "emission";

  private InfluxPoints() {}

  /** Appends the update's line (no newline). */
  static void line(StringBuilder sb, MetricUpdate u) {
    escapeKey(sb, u.family().id());
    Map<String, String> extra = tagLabels(u.labels());
    if (extra == null) { // the usual case: the four tags, already in name order
      tag(sb, "creator", u.creatorId());
      tag(sb, "platform", u.platform() == null ? "all" : u.platform().id());
      tag(sb, "scope", u.scope().id());
      tag(sb, "subject", u.subject());
    } else {
      extra.put("creator", u.creatorId());
      extra.put("platform", u.platform() == null ? "all" : u.platform().id());
      extra.put("scope", u.scope().id());
      extra.put("subject", u.subject());
      extra.forEach((name, value) -> tag(sb, name, value));
    }
    sb.append(' ');
    Map<String, Double> values = u.values();
    boolean clash = values.containsKey(EMISSION); // the emission field wins, as in a Point
    String[] names = values.keySet().toArray(new String[values.size() + (clash ? 0 : 1)]);
    names[names.length - 1] = clash ? names[names.length - 1] : EMISSION;
    Arrays.sort(names);
    boolean first = true;
    for (String name : names) {
      if (name.equals(EMISSION)) {
        first = field(sb, first, name);
        sb.append('"');
        escapeField(sb, u.emission().id());
        sb.append('"');
      } else {
        double v = values.get(name);
        if (Double.isFinite(v)) {
          first = field(sb, first, name);
          decimal(sb, v);
        }
      }
    }
    sb.append(' ').append(u.windowEnd().toEpochMilli() * 1_000_000L);
  }

  /** The labels that become tags (sorted, with room for the four), or null when there are none. */
  private static Map<String, String> tagLabels(Map<String, String> labels) {
    TreeMap<String, String> tags = null;
    for (Map.Entry<String, String> label : labels.entrySet()) {
      if (!label.getKey().startsWith(COMMENT_LABEL)) {
        if (tags == null) {
          tags = new TreeMap<>();
        }
        tags.put(label.getKey(), label.getValue());
      }
    }
    return tags;
  }

  private static void tag(StringBuilder sb, String name, String value) {
    if (!name.isEmpty() && !value.isEmpty()) {
      sb.append(',');
      escapeKey(sb, name);
      sb.append('=');
      escapeKey(sb, value);
    }
  }

  private static boolean field(StringBuilder sb, boolean first, String name) {
    if (!first) {
      sb.append(',');
    }
    escapeKey(sb, name);
    sb.append('=');
    return false;
  }

  /** What {@code NumberFormat} (English, no grouping, 1 to 340 fraction digits) writes. */
  static void decimal(StringBuilder sb, double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15 && (v != 0 || 1 / v > 0)) {
      sb.append((long) v).append(".0");
      return;
    }
    String s = Double.toString(v);
    if (s.indexOf('E') < 0) {
      sb.append(s);
      return;
    }
    String plain = new BigDecimal(s).toPlainString();
    sb.append(plain);
    if (plain.indexOf('.') < 0) {
      sb.append(".0");
    }
  }

  private static void escapeKey(StringBuilder sb, String key) {
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == ' ' || c == ',' || c == '=') {
        sb.append('\\');
      }
      sb.append(c);
    }
  }

  private static void escapeField(StringBuilder sb, String field) {
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '\\' || c == '"') {
        sb.append('\\');
      }
      sb.append(c);
    }
  }
}
