package io.aegntic.studio.jobs.analytics;

import io.aegntic.studio.events.MetricUpdate;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBException;
import org.influxdb.dto.BatchPoints;
import org.influxdb.dto.Point;

/**
 * The batching writer of {@link InfluxMetricsSink}. A failed write fails the task (and retries).
 */
final class InfluxMetricsWriter implements SinkWriter<MetricUpdate> {
  private final InfluxTarget target;
  private final int batchSize;
  private final long flushEvery;
  private final ProcessingTimeService time;
  private final InfluxDB influx;
  private final Counter written;
  private final List<Point> batch = new ArrayList<>();
  private boolean closed;

  InfluxMetricsWriter(
      InfluxTarget target,
      int batchSize,
      Duration flushEvery,
      ProcessingTimeService time,
      SinkWriterMetricGroup metrics) {
    this.target = target;
    this.batchSize = batchSize;
    this.flushEvery = flushEvery.toMillis();
    this.time = time;
    this.influx = target.connect();
    this.written = metrics.getNumRecordsSendCounter();
    InfluxSchema.ensure(influx, target.database());
    schedule();
  }

  private void schedule() {
    if (flushEvery > 0) {
      time.registerTimer(time.getCurrentProcessingTime() + flushEvery, t -> onTick());
    }
  }

  private void onTick() throws IOException {
    if (!closed) {
      flush(false);
      schedule();
    }
  }

  @Override
  public void write(MetricUpdate update, Context context) throws IOException {
    batch.add(InfluxPoints.of(update));
    if (batch.size() >= batchSize) {
      flush(false);
    }
  }

  @Override
  public void flush(boolean endOfInput) throws IOException {
    if (batch.isEmpty()) {
      return;
    }
    BatchPoints points =
        BatchPoints.database(target.database()).retentionPolicy(InfluxSchema.RAW).build();
    batch.forEach(points::point);
    try {
      influx.write(points);
    } catch (InfluxDBException e) {
      throw new IOException("InfluxDB at " + target + " refused a batch: " + e.getMessage(), e);
    }
    written.inc(batch.size());
    batch.clear();
  }

  @Override
  public void close() {
    closed = true;
    influx.close();
  }
}
