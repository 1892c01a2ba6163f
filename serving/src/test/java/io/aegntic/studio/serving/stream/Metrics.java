package io.aegntic.studio.serving.stream;

import io.aegntic.studio.events.EventJson;
import io.aegntic.studio.events.MetricUpdate;
import io.aegntic.studio.events.Topics;
import io.aegntic.studio.infra.test.StudioStackExtension;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Test helper: builds metric updates and produces them to the metrics topic, acked. */
final class Metrics implements AutoCloseable {
  private final KafkaProducer<String, byte[]> producer;

  Metrics() {
    Properties p = new Properties();
    p.put(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, StudioStackExtension.endpoints().kafkaBootstrap());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    producer = new KafkaProducer<>(p);
  }

  static MetricUpdate update(
      String creator, String subject, double value, Map<String, String> labels) {
    Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    return new MetricUpdate(
        creator,
        MetricUpdate.Family.ENGAGEMENT,
        MetricUpdate.Scope.CONTENT,
        subject,
        null,
        end.minusSeconds(60),
        end,
        MetricUpdate.Emission.EARLY,
        Map.of("likes", value, "engagement_score", value / 2),
        labels,
        Instant.now());
  }

  void send(MetricUpdate update) {
    producer.send(
        new ProducerRecord<>(Topics.METRICS, update.creatorId(), EventJson.write(update)));
  }

  void sendAndFlush(MetricUpdate update) {
    send(update);
    producer.flush();
  }

  void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    producer.close();
  }
}
