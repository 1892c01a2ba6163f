package io.aegntic.studio.ingest;

import io.aegntic.studio.events.DemoCreators;
import io.aegntic.studio.infra.test.StudioStackExtension;
import io.aegntic.studio.ingest.webhook.TestSetup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Shared set-up of the ingest ITs: the app on a random port against the shared real stack, with
 * demo creators of its own (random ids, so other ITs on the stack never interfere).
 */
@ExtendWith(StudioStackExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@TestPropertySource(locations = TestSetup.SPRING_PROPERTIES)
public abstract class IngestItSupport {
  protected static final List<DemoCreators.Creator> CREATORS = creators();

  @DynamicPropertySource
  static void stack(DynamicPropertyRegistry registry) {
    registry.add(
        "studio.ingest.kafka.bootstrap", () -> StudioStackExtension.endpoints().kafkaBootstrap());
    registry.add("studio.ingest.kafka.retry-after", () -> "1s");
    for (String property : TestSetup.accountProperties(CREATORS)) {
      int eq = property.indexOf('=');
      registry.add(property.substring(0, eq), () -> property.substring(eq + 1));
    }
  }

  private static List<DemoCreators.Creator> creators() {
    String run = Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000));
    List<DemoCreators.Creator> out = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      String n = run + i;
      out.add(
          new DemoCreators.Creator(
              "creator-it-" + n,
              i == 1 ? "cooking" : i == 2 ? "fitness" : "tech",
              "1784" + n,
              "1000" + n,
              "1500" + n,
              "UCit" + n,
              "acct_it" + n,
              "act.it" + n,
              "9" + n));
    }
    return out;
  }

  /** Every record of the topics from the beginning until {@code quiet} passes with nothing new. */
  protected static List<ConsumerRecord<String, byte[]>> readAll(
      List<String> topics, Duration quiet) {
    Map<String, Object> config = new HashMap<>();
    config.put(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, StudioStackExtension.endpoints().kafkaBootstrap());
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
      List<TopicPartition> partitions = new ArrayList<>();
      topics.forEach(
          t ->
              consumer
                  .partitionsFor(t)
                  .forEach(p -> partitions.add(new TopicPartition(t, p.partition()))));
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (System.nanoTime() < deadline) {
        var batch = consumer.poll(quiet);
        batch.forEach(out::add);
        boolean caughtUp = partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
        if (batch.isEmpty() && caughtUp) {
          break;
        }
      }
    }
    return out;
  }

  /** The sum of the topics' end offsets: grows whenever anything is written to them. */
  protected static long endOffsets(List<String> topics) {
    Map<String, Object> config = new HashMap<>();
    config.put(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, StudioStackExtension.endpoints().kafkaBootstrap());
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
      List<TopicPartition> partitions = new ArrayList<>();
      topics.forEach(
          t ->
              consumer
                  .partitionsFor(t)
                  .forEach(p -> partitions.add(new TopicPartition(t, p.partition()))));
      return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }
  }
}
