package io.aegntic.studio.jobs.analytics;

import io.aegntic.studio.events.MetricUpdate;
import java.time.Duration;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Writes metric updates to InfluxDB (v1 HTTP API, line protocol) in batches. A writer flushes when
 * its batch is full, every {@code flushEvery}, and before every checkpoint, so a completed
 * checkpoint means every point before it is in InfluxDB; points are idempotent, so the writes a
 * restart repeats overwrite themselves.
 */
final class InfluxMetricsSink implements Sink<MetricUpdate> {
  private static final long serialVersionUID = 1L;
  private final InfluxTarget target;
  private final int batchSize;
  private final Duration flushEvery;

  InfluxMetricsSink(InfluxTarget target, int batchSize, Duration flushEvery) {
    this.target = target;
    this.batchSize = batchSize;
    this.flushEvery = flushEvery;
  }

  @Override
  public SinkWriter<MetricUpdate> createWriter(WriterInitContext context) {
    return new InfluxMetricsWriter(
        target, batchSize, flushEvery, context.getProcessingTimeService(), context.metricGroup());
  }
}
