package io.aegntic.studio.jobs.analytics;

import io.aegntic.studio.events.MetricUpdate;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDB.ConsistencyLevel;
import org.influxdb.InfluxDBException;

/**
 * The batching writer of {@link InfluxMetricsSink}: the batch is line protocol text ({@link
 * InfluxPoints}), sent in one request. A failed write fails the task (and retries).
 */
final class InfluxMetricsWriter implements SinkWriter<MetricUpdate> {
  private final InfluxTarget target;
  private final int batchSize;
  private final long flushEvery;
  private final ProcessingTimeService time;
  private final InfluxDB influx;
  private final Counter written;
  private final StringBuilder batch = new StringBuilder();
  private int points;
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
    InfluxPoints.line(batch, update);
    batch.append('\n');
    if (++points >= batchSize) {
      flush(false);
    }
  }

  @Override
  public void flush(boolean endOfInput) throws IOException {
    if (points == 0) {
      return;
    }
    try {
      influx.write(
          target.database(),
          InfluxSchema.RAW,
          ConsistencyLevel.ONE,
          TimeUnit.NANOSECONDS,
          batch.toString());
    } catch (InfluxDBException e) {
      throw new IOException("InfluxDB at " + target + " refused a batch: " + e.getMessage(), e);
    }
    written.inc(points);
    batch.setLength(0);
    points = 0;
  }

  @Override
  public void close() {
    closed = true;
    influx.close();
  }
}
