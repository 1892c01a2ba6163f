package io.aegntic.studio.jobs.analytics;

import io.aegntic.studio.events.DeadLetter;
import io.aegntic.studio.events.MetricUpdate;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/** The job's Kafka source and sinks, configured from {@link AnalyticsSettings}. */
final class KafkaIo {
  /** Below the broker's default transaction.max.timeout.ms (15 min). */
  private static final String TRANSACTION_TIMEOUT_MS = "600000";

  private KafkaIo() {}

  /**
   * Reads committed records of {@code topic}, resuming from the group's committed offsets (the
   * earliest when it has none). {@code bounded} stops at the offsets that are latest at start.
   */
  static KafkaSource<Incoming> eventSource(
      AnalyticsSettings settings, String topic, boolean bounded) {
    return eventSource(settings, topic, bounded, new EventDeserializer());
  }

  /** The same with another deserializer (benchmarks time the first record with one). */
  static KafkaSource<Incoming> eventSource(
      AnalyticsSettings settings,
      String topic,
      boolean bounded,
      KafkaRecordDeserializationSchema<Incoming> deserializer) {
    return eventSource(settings, topic, bounded ? OffsetsInitializer.latest() : null, deserializer);
  }

  /**
   * The same, stopping at {@code stopAt} (unbounded when null): a test that produces its input in
   * phases stops at offsets that do not exist yet when the job starts.
   */
  static KafkaSource<Incoming> eventSource(
      AnalyticsSettings settings,
      String topic,
      OffsetsInitializer stopAt,
      KafkaRecordDeserializationSchema<Incoming> deserializer) {
    KafkaSourceBuilder<Incoming> builder =
        KafkaSource.<Incoming>builder()
            .setBootstrapServers(settings.kafkaBootstrap())
            .setTopics(topic)
            .setGroupId(settings.groupId())
            .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
            .setDeserializer(deserializer)
            .setProperty("isolation.level", "read_committed")
            .setProperty("partition.discovery.interval.ms", "60000");
    if (stopAt != null) {
      builder.setBounded(stopAt);
    }
    return builder.build();
  }

  /** Exactly-once: records become visible when the checkpoint that covers them completes. */
  static KafkaSink<MetricUpdate> metricsSink(AnalyticsSettings settings) {
    return metricsSink(settings, settings.transactionalIdPrefix());
  }

  /** The same with its own transactional id prefix (every sink of a job needs a distinct one). */
  static KafkaSink<MetricUpdate> metricsSink(AnalyticsSettings settings, String transactionalIds) {
    return KafkaSink.<MetricUpdate>builder()
        .setBootstrapServers(settings.kafkaBootstrap())
        .setRecordSerializer(new MetricRecords.Metrics())
        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
        .setTransactionalIdPrefix(transactionalIds)
        .setProperty("transaction.timeout.ms", TRANSACTION_TIMEOUT_MS)
        .build();
  }

  /** At-least-once: a dead letter written twice after a restart is harmless. */
  static KafkaSink<DeadLetter> deadLetterSink(AnalyticsSettings settings) {
    return KafkaSink.<DeadLetter>builder()
        .setBootstrapServers(settings.kafkaBootstrap())
        .setRecordSerializer(new MetricRecords.DeadLetters())
        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
        .setProperty("enable.idempotence", "true")
        .build();
  }
}
