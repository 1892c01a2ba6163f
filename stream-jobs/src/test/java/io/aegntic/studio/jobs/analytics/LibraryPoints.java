package io.aegntic.studio.jobs.analytics;

import io.aegntic.studio.events.MetricUpdate;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.influxdb.dto.Point;

/**
 * A metric update's point built with influxdb-java's {@code Point}, as the sink did before it wrote
 * line protocol itself: the reference {@code InfluxPointsTest} compares against, and the bare
 * library side of {@code InfluxSinkBench}.
 */
final class LibraryPoints {
  private LibraryPoints() {}

  static Point of(MetricUpdate u) {
    Point.Builder point =
        Point.measurement(u.family().id())
            .time(u.windowEnd().toEpochMilli(), TimeUnit.MILLISECONDS)
            .tag("creator", u.creatorId())
            .tag("platform", u.platform() == null ? "all" : u.platform().id())
            .tag("scope", u.scope().id())
            .tag("subject", u.subject());
    for (Map.Entry<String, String> label : u.labels().entrySet()) {
      if (!label.getKey().startsWith("top_comment_")) {
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
