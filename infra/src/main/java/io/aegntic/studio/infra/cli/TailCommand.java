package io.aegntic.studio.infra.cli;

import io.aegntic.studio.events.Topics;
import io.aegntic.studio.infra.StackException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * {@code tail <topic>}: prints each new record of a catalogue topic, one line each, until Ctrl-C.
 */
final class TailCommand {

  private static final Map<String, String> TOPICS =
      Map.of(
          "events", Topics.EVENTS,
          "metrics", Topics.METRICS,
          "rules", Topics.RULES,
          "triggers", Topics.TRIGGERS,
          "dlq", Topics.DLQ);

  private static final int MAX_VALUE_CHARS = 4000;

  private final StudioEnvironment env;
  private final PrintStream out;

  TailCommand(StudioEnvironment env, PrintStream out) {
    this.env = env;
    this.out = out;
  }

  int run(List<String> args) {
    String topic = args.size() == 1 ? TOPICS.get(args.get(0)) : null;
    if (topic == null) {
      throw new StackException("Usage: ./studio tail events|metrics|rules|triggers|dlq");
    }
    String bootstrap = env.settings().kafkaBootstrap();
    if (HealthChecks.kafka(bootstrap) != null) {
      throw new StackException(
          "Kafka is not running on " + bootstrap + ". Start the stack first: ./studio up");
    }
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    CountDownLatch closed = new CountDownLatch(1);
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    consumer.wakeup();
                    awaitQuietly(closed);
                  }));
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position);
      out.println("Waiting for records on " + topic + " (Ctrl-C to stop)...");
      while (true) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
          out.println(format(record));
        }
        out.flush();
      }
    } catch (WakeupException e) {
      return 0;
    } finally {
      closed.countDown();
    }
  }

  static String format(ConsumerRecord<byte[], byte[]> record) {
    String key = record.key() == null ? "-" : new String(record.key(), StandardCharsets.UTF_8);
    String value =
        record.value() == null
            ? "(tombstone)"
            : new String(record.value(), StandardCharsets.UTF_8).replace('\n', ' ');
    if (value.length() > MAX_VALUE_CHARS) {
      value = value.substring(0, MAX_VALUE_CHARS) + "...";
    }
    return Instant.ofEpochMilli(record.timestamp())
        + "  p"
        + record.partition()
        + "@"
        + record.offset()
        + "  key="
        + key
        + "  "
        + value;
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
