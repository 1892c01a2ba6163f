package io.aegntic.studio.infra.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.aegntic.studio.events.Topics;
import io.aegntic.studio.infra.StackEndpoints;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The shared stack's broker is a real Kafka: catalogue topics exist and carry records. */
@ExtendWith(StudioStackExtension.class)
class KafkaIT {

  @Test
  void everyCatalogueTopicExistsWithItsSettings(StackEndpoints stack) throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()))) {
      Set<String> names = Topics.all().stream().map(Topics.Spec::name).collect(Collectors.toSet());
      Map<String, TopicDescription> topics =
          admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
      for (Topics.Spec spec : Topics.all()) {
        assertThat(topics.get(spec.name()).partitions()).hasSize(spec.partitions());
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, spec.name());
        Config config =
            admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
        assertThat(config.get("cleanup.policy").value())
            .isEqualTo(spec.compacted() ? "compact" : "delete");
      }
    }
  }

  @Test
  void recordsRoundTripOnEveryCatalogueTopic(StackEndpoints stack) throws Exception {
    String key = "creator-" + UUID.randomUUID();
    try (KafkaProducer<String, String> producer = producer(stack)) {
      for (Topics.Spec spec : Topics.all()) {
        producer
            .send(new ProducerRecord<>(spec.name(), key, "{\"topic\":\"" + spec.name() + "\"}"))
            .get();
      }
    }
    for (Topics.Spec spec : Topics.all()) {
      List<ConsumerRecord<String, String>> mine = readAll(stack, spec.name(), key);
      assertThat(mine).hasSize(1);
      assertThat(mine.get(0).value()).isEqualTo("{\"topic\":\"" + spec.name() + "\"}");
    }
  }

  @Test
  void brokerCanBeStoppedAndStartedKeepingItsData(StackEndpoints stack) throws Exception {
    String key = "creator-" + UUID.randomUUID();
    try (KafkaProducer<String, String> producer = producer(stack)) {
      producer.send(new ProducerRecord<>(Topics.DLQ, key, "before")).get();
    }
    StudioStackExtension.stopKafka();
    Properties quick = new Properties();
    quick.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
    quick.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000);
    quick.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000);
    try (Admin admin = Admin.create(quick)) {
      assertThat(admin.describeCluster().nodes().toCompletionStage().toCompletableFuture())
          .failsWithin(Duration.ofSeconds(10));
    } finally {
      StudioStackExtension.startKafka();
    }
    assertThat(readAll(stack, Topics.DLQ, key))
        .extracting(ConsumerRecord::value)
        .containsExactly("before");
  }

  static KafkaProducer<String, String> producer(StackEndpoints stack) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
  }

  /** Every record with {@code key} in {@code topic}, read from the beginning to the end. */
  static List<ConsumerRecord<String, String>> readAll(
      StackEndpoints stack, String topic, String key) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
      List<ConsumerRecord<String, String>> mine = new ArrayList<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
          && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          if (key.equals(record.key())) {
            mine.add(record);
          }
        }
      }
      return mine;
    }
  }

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
