package io.aegntic.studio.serving.browser;

import io.aegntic.studio.events.EventJson;
import io.aegntic.studio.events.MetricUpdate;
import io.aegntic.studio.events.Topics;
import io.aegntic.studio.infra.StackEndpoints;
import io.aegntic.studio.infra.test.StudioStackExtension;
import io.aegntic.studio.serving.automation.TopicIo;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.BatchPoints;
import org.influxdb.dto.Point;

/** What the browser ITs feed the real servers: metric updates to Kafka, points to InfluxDB. */
final class StudioData {
  private StudioData() {}

  /** The start of the current minute, minus {@code minutes}. */
  static Instant minute(int minutesAgo) {
    return Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(minutesAgo, ChronoUnit.MINUTES);
  }

  /** A one-minute window ending at {@code end}, as the analytics job emits it. */
  static MetricUpdate update(
      String creator,
      MetricUpdate.Family family,
      MetricUpdate.Scope scope,
      String subject,
      Instant end,
      Map<String, Double> values) {
    return new MetricUpdate(
        creator,
        family,
        scope,
        subject,
        null,
        end.minusSeconds(60),
        end,
        MetricUpdate.Emission.EARLY,
        values,
        Map.of(),
        Instant.now());
  }

  static MetricUpdate creatorUpdate(
      String creator, MetricUpdate.Family family, Instant end, Map<String, Double> values) {
    return update(creator, family, MetricUpdate.Scope.CREATOR, creator, end, values);
  }

  /** Produces the updates to studio.metrics.v1 (key = creator), acked. */
  static void produce(MetricUpdate... updates) throws Exception {
    for (MetricUpdate u : updates) {
      TopicIo.produce(Topics.METRICS, u.creatorId(), EventJson.write(u));
    }
  }

  /** Produces the updates of one creator in one go. */
  static void produceAll(String creator, MetricUpdate... updates) throws Exception {
    TopicIo.produce(Topics.METRICS, creator, Arrays.stream(updates).map(EventJson::write).toList());
  }

  /** Writes {@code field} of the creator's all-platform series in the analytics job's shape. */
  static void writeCreatorPoints(
      String measurement, String creator, String field, Map<Instant, Double> points) {
    StackEndpoints stack = StudioStackExtension.endpoints();
    InfluxDB influx = InfluxDBFactory.connect(stack.influxUrl());
    try {
      BatchPoints.Builder batch = BatchPoints.database(stack.influxDatabase());
      points.forEach(
          (time, value) ->
              batch.point(
                  Point.measurement(measurement)
                      .tag("creator", creator)
                      .tag("platform", "all")
                      .tag("scope", "creator")
                      .tag("subject", creator)
                      .time(time.toEpochMilli(), TimeUnit.MILLISECONDS)
                      .addField(field, value)
                      .build()));
      influx.write(batch.build());
    } finally {
      influx.close();
    }
  }
}
