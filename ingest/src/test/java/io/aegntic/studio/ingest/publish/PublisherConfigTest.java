package io.aegntic.studio.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class PublisherConfigTest {
  private final KafkaPublisherProperties defaults = PublisherSettings.defaults("127.0.0.1:9");

  @Test
  void theProducerIsIdempotentWaitsForAllReplicasAndFailsFast() {
    Map<String, Object> config = PublisherConfig.producerConfig(defaults);
    assertThat(config)
        .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
        .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
        .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5000)
        .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000L)
        .containsEntry(ProducerConfig.LINGER_MS_CONFIG, 5)
        .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, 16 * 1024);
  }

  @Test
  void kafkaAcceptsTheBoundedTimeouts() {
    // KafkaProducer refuses delivery.timeout.ms < linger.ms + request.timeout.ms at construction.
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(PublisherConfig.producerConfig(defaults))) {
      assertThat(producer.metrics()).isNotEmpty();
    }
  }

  @Test
  void aBatchSizeKafkaCannotTakeIsRefusedWhenBound() {
    assertThatThrownBy(() -> PublisherSettings.with("127.0.0.1:9", Map.of("batch-size", "3GB")))
        .rootCause()
        .hasMessage(
            "studio.ingest.kafka.batch-size must be between 0 and 2147483647 bytes, not 3221225472B");
  }
}
