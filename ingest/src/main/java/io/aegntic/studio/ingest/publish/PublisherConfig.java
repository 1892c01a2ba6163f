package io.aegntic.studio.ingest.publish;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.kafka.sender.KafkaSender;
import reactor.kafka.sender.SenderOptions;

/** Wires the Kafka producer behind {@link EventPublisher} and the readiness health check. */
@Configuration(proxyBeanMethods = false)
class PublisherConfig {

  @Bean(destroyMethod = "close")
  KafkaEventPublisher eventPublisher(KafkaPublisherProperties props, MeterRegistry meters) {
    return new KafkaEventPublisher(
        KafkaSender.create(senderOptions(props)), props.deliveryTimeout().plusSeconds(1), meters);
  }

  /**
   * Each {@code send} is one call, or one event loop's turn of calls: small, so the per-send
   * prefetch queue stays small (1024 was allocated per delivery and showed in the ingest
   * benchmark's profile). A refused record must fail only its own call, not end the send for the
   * others: no stop on error. Results come on the producer's thread (Reactor Kafka's default
   * scheduler is {@code immediate}); {@link EventPublisher#onLoop} moves them to the caller's loop.
   */
  static SenderOptions<String, byte[]> senderOptions(KafkaPublisherProperties props) {
    return SenderOptions.<String, byte[]>create(producerConfig(props))
        .maxInFlight(SEND_PREFETCH)
        .stopOnError(false);
  }

  static final int SEND_PREFETCH = 256;

  @Bean(destroyMethod = "close")
  KafkaHealthIndicator kafkaHealthIndicator(KafkaPublisherProperties props) {
    Map<String, Object> config = new HashMap<>();
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, props.bootstrap());
    config.put(AdminClientConfig.CLIENT_ID_CONFIG, "studio-ingest-health");
    int timeout = (int) props.healthTimeout().toMillis();
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout);
    config.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
    return new KafkaHealthIndicator(Admin.create(config), props.healthTimeout());
  }

  static Map<String, Object> producerConfig(KafkaPublisherProperties props) {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, props.bootstrap());
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "studio-ingest");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) props.deliveryTimeout().toMillis());
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) props.requestTimeout().toMillis());
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, props.maxBlock().toMillis());
    config.put(ProducerConfig.LINGER_MS_CONFIG, (int) props.linger().toMillis());
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, (int) props.batchSize().toBytes());
    config.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
    return config;
  }
}
