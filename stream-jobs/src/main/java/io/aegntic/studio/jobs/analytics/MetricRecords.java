package io.aegntic.studio.jobs.analytics;

import io.aegntic.studio.events.DeadLetter;
import io.aegntic.studio.events.EventJson;
import io.aegntic.studio.events.MetricUpdate;
import io.aegntic.studio.events.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema.KafkaSinkContext;
import org.apache.kafka.clients.producer.ProducerRecord;

/** How the job's outputs become Kafka records: EventJson values, keys as the contract says. */
final class MetricRecords {
  private MetricRecords() {}

  /** {@link Topics#METRICS}, key = creatorId. */
  static final class Metrics implements KafkaRecordSerializationSchema<MetricUpdate> {
    private static final long serialVersionUID = 1L;

    @Override
    public ProducerRecord<byte[], byte[]> serialize(
        MetricUpdate update, KafkaSinkContext context, Long timestamp) {
      return new ProducerRecord<>(
          Topics.METRICS,
          update.creatorId().getBytes(StandardCharsets.UTF_8),
          EventJson.write(update));
    }
  }

  /** {@link Topics#DLQ}, key = platform ("unknown" when the record did not say). */
  static final class DeadLetters implements KafkaRecordSerializationSchema<DeadLetter> {
    private static final long serialVersionUID = 1L;

    @Override
    public ProducerRecord<byte[], byte[]> serialize(
        DeadLetter letter, KafkaSinkContext context, Long timestamp) {
      String key = letter.platform() == null ? "unknown" : letter.platform();
      return new ProducerRecord<>(
          Topics.DLQ, key.getBytes(StandardCharsets.UTF_8), EventJson.write(letter));
    }
  }
}
