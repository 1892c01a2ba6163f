package io.aegntic.studio.jobs.analytics;

import io.aegntic.studio.events.MetricUpdate;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.influxdb.dto.Point;

/**
 * The InfluxDB point of a metric update: measurement = family, tags creator/platform/scope/subject
 * (and the labels, e.g. currency), the window end as the time. Early, final and corrected values of
 * a window therefore land on the same point, and a replay overwrites instead of adding.
 */
final class InfluxPoints {
  /**
   * Comment texts ride on the topic only: as tags they would split a window's point into one series
   * per text (and unbounded tag cardinality).
   */
  private static final String COMMENT_LABEL = "top_comment_";

  private InfluxPoints() {}

  static Point of(MetricUpdate u) {
    Point.Builder point =
        Point.measurement(u.family().id())
            .time(u.windowEnd().toEpochMilli(), TimeUnit.MILLISECONDS)
            .tag("creator", u.creatorId())
            .tag("platform", u.platform() == null ? "all" : u.platform().id())
            .tag("scope", u.scope().id())
            .tag("subject", u.subject());
    for (Map.Entry<String, String> label : u.labels().entrySet()) {
      if (!label.getKey().startsWith(COMMENT_LABEL)) {
        point.tag(label.getKey(), label.getValue());
      }
    }
    for (Map.Entry<String, Double> value : u.values().entrySet()) {
      if (Double.isFinite(value.getValue())) {
        point.addField(value.getKey(), value.getValue());
      }
    }
    point.addField("emission", u.emission().id());
    return point.build();
  }
}
