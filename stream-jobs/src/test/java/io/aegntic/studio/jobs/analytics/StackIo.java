package io.aegntic.studio.jobs.analytics;

import io.aegntic.studio.events.EventJson;
import io.aegntic.studio.infra.StackEndpoints;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;

/** Writing input to and reading output from the real stack in the job's integration tests. */
final class StackIo {
  private StackIo() {}

  /** Settings on this stack (Kafka, InfluxDB) with the given command-line arguments. */
  static AnalyticsSettings settings(StackEndpoints stack, String... args) {
    return AnalyticsSettings.load(
        Map.of(
            "STUDIO_KAFKA_BOOTSTRAP", stack.kafkaBootstrap(),
            "STUDIO_INFLUX_URL", stack.influxUrl(),
            "STUDIO_INFLUX_DB", stack.influxDatabase()),
        args);
  }

  /**
   * Runs a job ({@code CreatorAnalyticsJob::build} or {@code CommentSentimentJob::build}) with its
   * real sinks over {@code topic} up to the topic's end as it was when the job started, and waits
   * for it to finish (InfluxDB batches of 100).
   */
  static void runToEnd(AnalyticsSettings settings, String topic, JobSteps.Pipeline job, String name)
      throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    CreatorAnalyticsJob.configure(env, settings);
    job.build(
        env,
        KafkaIo.eventSource(settings, topic, true),
        new InfluxMetricsSink(settings.influx(), 100, settings.influxFlushEvery()),
        KafkaIo.metricsSink(settings),
        KafkaIo.deadLetterSink(settings),
        settings);
    env.execute(name);
  }

  static void createTopic(StackEndpoints stack, String topic, int partitions) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrap()))) {
      admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
    }
  }

  /** Deletes benchmark topics: each run writes millions of records the next run does not read. */
  static void deleteTopics(StackEndpoints stack, List<String> topics) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrap()))) {
      admin.deleteTopics(topics).all().get();
    }
  }

  /** A byte-array consumer of both partitions of a benchmark topic, at their start. */
  static KafkaConsumer<byte[], byte[]> fromStart(
      StackEndpoints stack, String topic, Map<String, Object> settings) {
    Map<String, Object> config = new java.util.HashMap<>(settings);
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
    var consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> parts =
        List.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1));
    consumer.assign(parts);
    consumer.seekToBeginning(parts);
    return consumer;
  }

  /** Sends records in order (key = creatorId), each either an event or raw bytes. */
  static void send(StackEndpoints stack, String topic, String key, List<?> records) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    try (var producer =
        new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (Object r : records) {
        byte[] value = r instanceof byte[] bytes ? bytes : EventJson.write(r);
        producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value));
      }
      producer.flush();
    }
  }

  /** Every committed record of {@code topic} up to its current end whose key matches. */
  static <T> List<T> readCommitted(
      StackEndpoints stack, String topic, Predicate<String> key, Class<T> type) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    List<T> out = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(i -> new TopicPartition(topic, i.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!reached(consumer, end) && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          String k = r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8);
          if (key.test(k)) {
            out.add(EventJson.read(r.value(), type));
          }
        }
      }
    }
    return out;
  }

  private static boolean reached(
      KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
    Set<TopicPartition> assigned = consumer.assignment();
    return assigned.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
  }

  /** Rows of an InfluxQL query as column-name maps (time in epoch millis). */
  static List<Map<String, Object>> influx(StackEndpoints stack, String query) {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (InfluxDB influx = InfluxDBFactory.connect(stack.influxUrl())) {
      QueryResult result =
          influx.query(
              new Query(query, stack.influxDatabase()), java.util.concurrent.TimeUnit.MILLISECONDS);
      if (result.getError() != null) {
        throw new IllegalStateException(result.getError());
      }
      for (QueryResult.Result r : result.getResults()) {
        if (r.getError() != null) {
          throw new IllegalStateException(r.getError());
        }
        if (r.getSeries() == null) {
          continue;
        }
        for (QueryResult.Series s : r.getSeries()) {
          for (List<Object> values : s.getValues()) {
            Map<String, Object> row = new java.util.LinkedHashMap<>();
            if (s.getTags() != null) {
              row.putAll(s.getTags());
            }
            for (int i = 0; i < values.size(); i++) {
              row.put(s.getColumns().get(i), values.get(i));
            }
            rows.add(row);
          }
        }
      }
    }
    return rows;
  }
}
