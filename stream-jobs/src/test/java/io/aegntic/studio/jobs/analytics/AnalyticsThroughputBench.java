package io.aegntic.studio.jobs.analytics;

import io.aegntic.studio.events.EventJson;
import io.aegntic.studio.events.Platform;
import io.aegntic.studio.events.StudioEvent;
import io.aegntic.studio.events.Topics;
import io.aegntic.studio.infra.StackEndpoints;
import io.aegntic.studio.infra.test.StudioStackExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Benchmark (not a test): the job's sustained events/s from Kafka into InfluxDB and the metrics
 * topic, against a raw Kafka consumer reading and parsing the same records in the same run, and
 * their ratio (target >= 0.5). Uses the stack in STUDIO_KAFKA_BOOTSTRAP/STUDIO_INFLUX_URL when set,
 * else starts one. Run: see stream-jobs/README.md. Argument: number of events (default 200000).
 */
public final class AnalyticsThroughputBench {
  static final AtomicLong FIRST_RECORD_NANOS = new AtomicLong();

  private AnalyticsThroughputBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    StackEndpoints stack = endpoints();
    String run = UUID.randomUUID().toString().substring(0, 8);
    String topic = Topics.EVENTS + ".bench-" + run;
    StackIo.createTopic(stack, topic, 2);

    long t = System.nanoTime();
    produce(stack, topic, n);
    System.out.printf("produced %,d events in %.1f s%n", n, (System.nanoTime() - t) / 1e9);

    double raw = rawConsumer(stack, topic, n);
    System.out.printf("raw consumer (read + EventJson parse): %,.0f events/s%n", raw);

    Path dir = Files.createTempDirectory("bench-checkpoints");
    AnalyticsSettings settings =
        AnalyticsSettings.load(
            Map.of(
                "STUDIO_KAFKA_BOOTSTRAP", stack.kafkaBootstrap(),
                "STUDIO_INFLUX_URL", stack.influxUrl(),
                "STUDIO_INFLUX_DB", stack.influxDatabase()),
            new String[] {
              "--group-id",
              "bench-" + run,
              "--transactional-id-prefix",
              "bench-" + run,
              "--checkpoint-interval",
              "5s",
              "--checkpoint-dir",
              dir.toUri().toString(),
              "--parallelism",
              "2"
            });
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    CreatorAnalyticsJob.configure(env, settings);
    CreatorAnalyticsJob.build(
        env,
        KafkaIo.eventSource(settings, topic, true, new Timed()),
        new InfluxMetricsSink(
            settings.influx(), settings.influxBatchSize(), settings.influxFlushEvery()),
        KafkaIo.metricsSink(settings),
        KafkaIo.deadLetterSink(settings),
        settings);
    env.execute("bench");
    double job = n / ((System.nanoTime() - FIRST_RECORD_NANOS.get()) / 1e9);
    System.out.printf(
        "analytics job (Kafka -> InfluxDB + %s, exactly-once, parallelism 2): %,.0f events/s%n",
        Topics.METRICS, job);
    System.out.printf("ratio job / raw consumer: %.2f (target >= 0.5)%n", job / raw);
    // One machine-readable line for bench/run (docs/performance.md).
    System.out.printf(
        "BENCH_RESULT {\"name\":\"analytics.job_events_per_s\",\"value\":%.1f,\"unit\":\"1/s\","
            + "\"limit_name\":\"raw Kafka consumer + parse\",\"limit\":%.1f,\"ratio\":%.4f,"
            + "\"target\":\">= 0.5\"}%n",
        job, raw, job / raw);
    System.exit(0);
  }

  private static StackEndpoints endpoints() {
    String kafka = System.getenv("STUDIO_KAFKA_BOOTSTRAP");
    if (kafka == null) {
      return StudioStackExtension.endpoints();
    }
    return new StackEndpoints(
        kafka,
        null,
        0,
        null,
        null,
        null,
        System.getenv().getOrDefault("STUDIO_INFLUX_URL", "http://127.0.0.1:18086"),
        System.getenv().getOrDefault("STUDIO_INFLUX_DB", "studio"));
  }

  /** Likes, views, comments with hashtags and snapshots of 40 creators over ten minutes. */
  private static void produce(StackEndpoints stack, String topic, int n) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
    p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
    Instant t0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(1, ChronoUnit.HOURS);
    long stepMillis = Math.max(1, Duration.ofMinutes(10).toMillis() / n);
    try (var producer =
        new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < n; i++) {
        String creator = "bench-creator-" + (i % 40);
        Platform platform = i % 3 == 0 ? Platform.TIKTOK : Platform.INSTAGRAM;
        TestEvents ev =
            new TestEvents(creator, platform, t0.plusMillis(i * stepMillis - i % 7 * 300));
        String content = "post-" + (i % 200);
        StudioEvent e =
            switch (i % 20) {
              case 0, 1, 2 -> ev.comment(content, 0, "#launch", "#tips");
              case 3 -> ev.snapshot(content, 0, (long) i, (long) i / 10);
              case 4, 5, 6, 7, 8, 9 -> ev.view(content, 0, 1 + i % 5);
              default -> ev.like(content, 0, 1);
            };
        producer.send(
            new ProducerRecord<>(
                topic, creator.getBytes(StandardCharsets.UTF_8), EventJson.write(e)));
      }
      producer.flush();
    }
  }

  private static double rawConsumer(StackEndpoints stack, String topic, int n) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
    try (var consumer =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> parts =
          List.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1));
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      long start = System.nanoTime();
      long seen = 0;
      long checksum = 0;
      while (seen < n) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          checksum += EventJson.read(r.value(), StudioEvent.class).occurredAt().getEpochSecond();
          seen++;
        }
      }
      double rate = seen / ((System.nanoTime() - start) / 1e9);
      return checksum == 0 ? 0 : rate;
    }
  }

  /** The job's deserializer, noting when the first record arrived. */
  static final class Timed implements KafkaRecordDeserializationSchema<Incoming> {
    private static final long serialVersionUID = 1L;
    private final EventDeserializer inner = new EventDeserializer();

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Incoming> out) {
      FIRST_RECORD_NANOS.compareAndSet(0, System.nanoTime());
      inner.deserialize(record, out);
    }

    @Override
    public org.apache.flink.api.common.typeinfo.TypeInformation<Incoming> getProducedType() {
      return inner.getProducedType();
    }
  }
}
