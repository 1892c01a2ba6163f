package io.aegntic.studio.jobs.analytics;

import io.aegntic.studio.events.EventJson;
import io.aegntic.studio.events.StudioEvent;
import io.aegntic.studio.infra.StackEndpoints;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The analytics benchmark's limit: a plain Kafka consumer reading the topic from its start
 * (read_committed, like the job) and parsing every record into a {@link StudioEvent}, timed over
 * the whole topic and over the same steady stretch of events as the job.
 */
final class RawConsumer {
  private RawConsumer() {}

  record Result(BenchJob.Window whole, BenchJob.Window steady) {}

  static Result run(StackEndpoints stack, String topic, int n, int steadyFrom) {
    try (var consumer =
        StackIo.fromStart(
            stack,
            topic,
            Map.of(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                "2000"))) {
      BenchClock.Stamp start = BenchClock.Stamp.now();
      BenchClock.Stamp mark = null;
      long seen = 0;
      long checksum = 0;
      while (seen < n) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          checksum += EventJson.read(r.value(), StudioEvent.class).occurredAt().getEpochSecond();
          if (++seen == steadyFrom) {
            mark = BenchClock.Stamp.now();
          }
        }
      }
      BenchClock.Stamp end = BenchClock.Stamp.now();
      if (checksum == 0 || mark == null) {
        throw new IllegalStateException("the raw consumer read nothing useful");
      }
      return new Result(
          BenchJob.Window.between(start, end, seen),
          BenchJob.Window.between(mark, end, seen - steadyFrom));
    }
  }
}
