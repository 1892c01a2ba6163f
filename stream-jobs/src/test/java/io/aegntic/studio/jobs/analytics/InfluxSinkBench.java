package io.aegntic.studio.jobs.analytics;

import io.aegntic.studio.events.MetricUpdate;
import io.aegntic.studio.events.Platform;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.influxdb.InfluxDB;
import org.influxdb.dto.BatchPoints;
import org.influxdb.dto.Point;

/**
 * Benchmark (not a test): points/s through the job's InfluxDB sink path ({@link InfluxPoints} +
 * {@link InfluxMetricsWriter}, the job's batch size) against bare batched influxdb-java writes of
 * the same points (built beforehand, same batch size), in alternating order, on STUDIO_INFLUX_URL.
 * Prints one {@code BENCH_RESULT} line per measured run (target ratio >= 0.8). Arguments: {@code
 * [points per run] [runs]} (default 100000, 3); one unmeasured warm-up run of each comes first.
 */
public final class InfluxSinkBench {
  private InfluxSinkBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    String url = System.getenv().getOrDefault("STUDIO_INFLUX_URL", "http://127.0.0.1:18086");
    String db = System.getenv().getOrDefault("STUDIO_INFLUX_DB", "studio");
    AnalyticsSettings settings =
        AnalyticsSettings.load(
            Map.of(
                "STUDIO_KAFKA_BOOTSTRAP",
                "unused:9092",
                "STUDIO_INFLUX_URL",
                url,
                "STUDIO_INFLUX_DB",
                db),
            new String[0]);
    InfluxTarget target = settings.influx();
    int batch = settings.influxBatchSize();
    System.out.printf("InfluxDB sink bench: %,d points per run, batch %d, %s%n", n, batch, url);
    for (int run = 0; run <= runs; run++) {
      List<MetricUpdate> updates = updates(n, 2 * run);
      List<Point> points = new ArrayList<>(n);
      updates(n, 2 * run + 1).forEach(u -> points.add(LibraryPoints.of(u)));
      // Alternate which goes first, so neither always meets the warmer InfluxDB.
      double bare;
      double sink;
      if (run % 2 == 0) {
        bare = bare(target, points, batch);
        sink = sink(target, updates, batch);
      } else {
        sink = sink(target, updates, batch);
        bare = bare(target, points, batch);
      }
      System.out.printf(
          "%s sink %,.0f points/s, bare %,.0f points/s, ratio %.2f%n",
          run == 0 ? "warm-up" : "run " + run, sink, bare, sink / bare);
      if (run > 0) {
        System.out.printf(
            "BENCH_RESULT {\"name\":\"influx.sink_points_per_s\",\"value\":%.1f,\"unit\":\"1/s\","
                + "\"limit_name\":\"bare batched influxdb-java\",\"limit\":%.1f,\"ratio\":%.4f,"
                + "\"target\":\">= 0.8\"}%n",
            sink, bare, sink / bare);
      }
    }
    System.exit(0);
  }

  /**
   * Engagement updates of 40 creators x 200 contents, one point each; {@code slot} sets the day
   * (inside the raw retention policy's 30 days), so no run overwrites another run's points.
   */
  private static List<MetricUpdate> updates(int n, int slot) {
    Instant base =
        Instant.now()
            .truncatedTo(java.time.temporal.ChronoUnit.DAYS)
            .minus(Duration.ofDays(25 - slot));
    List<MetricUpdate> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Instant end = base.plusSeconds(60L * (i / 8000));
      String creator = "bench-creator-" + (i % 40);
      out.add(
          new MetricUpdate(
              creator,
              MetricUpdate.Family.ENGAGEMENT,
              MetricUpdate.Scope.CONTENT,
              "post-" + (i % 8000 / 40),
              i % 2 == 0 ? Platform.INSTAGRAM : null,
              end.minusSeconds(60),
              end,
              MetricUpdate.Emission.FINAL,
              Map.of(
                  "likes", (double) (i % 17),
                  "comments", (double) (i % 5),
                  "views", (double) i,
                  "engagement_rate", (i % 100) / 10.0),
              Map.of(),
              end));
    }
    return out;
  }

  private static double bare(InfluxTarget target, List<Point> points, int batch) {
    InfluxDB influx = target.connect();
    try {
      long start = System.nanoTime();
      for (int from = 0; from < points.size(); from += batch) {
        BatchPoints bp =
            BatchPoints.database(target.database()).retentionPolicy(InfluxSchema.RAW).build();
        points.subList(from, Math.min(points.size(), from + batch)).forEach(bp::point);
        influx.write(bp);
      }
      return points.size() / ((System.nanoTime() - start) / 1e9);
    } finally {
      influx.close();
    }
  }

  private static double sink(InfluxTarget target, List<MetricUpdate> updates, int batch)
      throws Exception {
    // flushEvery 0: no timer (the bench has no Flink task), flushes on full batches and at the end.
    InfluxMetricsWriter writer =
        new InfluxMetricsWriter(
            target,
            batch,
            Duration.ZERO,
            null,
            UnregisteredMetricsGroup.createSinkWriterMetricGroup());
    try {
      long start = System.nanoTime();
      for (MetricUpdate u : updates) {
        writer.write(u, null);
      }
      writer.flush(true);
      return updates.size() / ((System.nanoTime() - start) / 1e9);
    } finally {
      writer.close();
    }
  }
}
