package io.aegntic.studio.jobs.analytics;

import io.aegntic.studio.events.EventJson;
import io.aegntic.studio.events.EventPayload;
import io.aegntic.studio.events.EventType;
import io.aegntic.studio.events.Platform;
import io.aegntic.studio.events.StudioEvent;
import io.aegntic.studio.events.Topics;
import io.aegntic.studio.infra.StackEndpoints;
import io.aegntic.studio.infra.test.StudioStackExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
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
 * Benchmark (not a test): {@link CreatorAnalyticsJob}'s sustained events/s from Kafka into InfluxDB
 * and the metrics topic (no sentiment: {@link SentimentJobBench} measures that job), against a raw
 * Kafka consumer reading and parsing the same records in the same run, and their ratio (target >=
 * 0.5). Uses the stack in STUDIO_KAFKA_BOOTSTRAP/STUDIO_INFLUX_URL when set, else starts one. Run:
 * see stream-jobs/README.md. Argument: number of events (default 200000).
 */
public final class AnalyticsThroughputBench {
  private AnalyticsThroughputBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int warmUps = warmUps(System.getenv().getOrDefault("BENCH_ANALYTICS_WARMUP", "1"));
    boolean warmUp = warmUps > 0;
    StackEndpoints stack = endpoints();
    String run = UUID.randomUUID().toString().substring(0, 8);
    String topic = Topics.EVENTS + ".bench-" + run;
    StackIo.createTopic(stack, topic, 2);
    long t = System.nanoTime();
    produce(stack, topic, n);
    System.out.printf("produced %,d events in %.1f s%n", n, (System.nanoTime() - t) / 1e9);

    Raw coldRaw = null;
    BenchJob.Result cold = null;
    if (warmUp) {
      // A cold JVM spends a short run mostly JIT-compiling (printed below): both sides first run
      // unmeasured as the figure, on a topic of their own with the same events.
      String warmTopic = topic + "-warmup";
      StackIo.createTopic(stack, warmTopic, 2);
      produce(stack, warmTopic, n);
      for (int i = 1; i <= warmUps; i++) {
        Raw r = raw(stack, warmTopic, n);
        BenchJob.Result j = BenchJob.run(stack, warmTopic, n, "bench-" + run + "-warmup-" + i);
        print(i == 1 ? "warm-up 1 (cold JVM)" : "warm-up " + i, j, r, n);
        if (i == 1) {
          coldRaw = r;
          cold = j;
        }
      }
    }
    Raw raw = raw(stack, topic, n);
    BenchJob.Result job = BenchJob.run(stack, topic, n, "bench-" + run);
    print(warmUp ? "measured (after the warm-up)" : "measured (cold JVM)", job, raw, n);
    // One machine-readable line for bench/run (docs/performance.md).
    System.out.printf(
        "BENCH_RESULT {\"name\":\"analytics.job_events_per_s\",\"value\":%.1f,\"unit\":\"1/s\","
            + "\"limit_name\":\"raw Kafka consumer + parse\",\"limit\":%.1f,\"ratio\":%.4f,"
            + "\"target\":\">= 0.5\",\"cpu_ms_per_1000_job\":%.1f,"
            + "\"cpu_ms_per_1000_raw\":%.1f,\"cpu_ratio\":%.4f,\"jit_ms_job\":%d,"
            + "\"jit_ms_raw\":%d,\"gc_ms_job\":%d,\"warm_up\":%b,\"cold_ratio\":%s,"
            + "\"cold_cpu_ms_per_1000_job\":%s,\"cold_cpu_ms_per_1000_raw\":%s}%n",
        job.eventsPerS(),
        raw.eventsPerS(),
        job.eventsPerS() / raw.eventsPerS(),
        job.cpuMsPer1000(),
        raw.cpuMsPer1000(),
        raw.cpuMsPer1000() / job.cpuMsPer1000(),
        job.jitMs(),
        raw.jitMs(),
        job.gcMs(),
        warmUp,
        cold == null ? "null" : String.format("%.4f", cold.eventsPerS() / coldRaw.eventsPerS()),
        cold == null ? "null" : String.format("%.1f", cold.cpuMsPer1000()),
        cold == null ? "null" : String.format("%.1f", coldRaw.cpuMsPer1000()));
    System.exit(0);
  }

  /** BENCH_ANALYTICS_WARMUP: "off", or how many unmeasured rounds of both sides come first. */
  private static int warmUps(String value) {
    return switch (value) {
      case "off" -> 0;
      case "on" -> 1;
      default -> Integer.parseInt(value);
    };
  }

  /** The raw consumer's rate, and its process CPU per 1,000 events and JIT time meanwhile. */
  record Raw(double eventsPerS, double cpuMsPer1000, long jitMs) {}

  private static Raw raw(StackEndpoints stack, String topic, int n) {
    long cpu = BenchClock.cpuNanos();
    long jit = BenchClock.jitMillis();
    double rate = rawConsumer(stack, topic, n);
    return new Raw(
        rate, (BenchClock.cpuNanos() - cpu) / 1e6 / n * 1000, BenchClock.jitMillis() - jit);
  }

  private static void print(String which, BenchJob.Result job, Raw raw, int n) {
    System.out.printf("-- %s --%n", which);
    System.out.printf("raw consumer (read + EventJson parse): %,.0f events/s%n", raw.eventsPerS());
    System.out.printf(
        "job submitted to all tasks RUNNING (operators open): %.1f s%n", job.untilRunningS());
    System.out.printf(
        "process CPU per 1,000 events: job %.0f ms, raw consumer %.0f ms (raw/job %.2f)%n",
        job.cpuMsPer1000(), raw.cpuMsPer1000(), raw.cpuMsPer1000() / job.cpuMsPer1000());
    System.out.printf(
        "meanwhile JIT compilation: job %,d ms, raw consumer %,d ms; GC during the job %,d ms%n",
        job.jitMs(), raw.jitMs(), job.gcMs());
    System.out.printf(
        "clock: %.1f s from gate to last end-of-input flush; job end (final checkpoint, commit,"
            + " shutdown) %.1f s later%s%n",
        job.clockS(),
        job.tailS(),
        job.flushSeen() ? "" : " (no end-of-input flush seen: clock stopped at job end)");
    System.out.printf(
        "analytics job (Kafka -> InfluxDB + %s, exactly-once, parallelism 2; sentiment is"
            + " SentimentJobBench's): %,.0f events/s%n",
        Topics.METRICS, job.eventsPerS());
    System.out.printf(
        "ratio job / raw consumer: %.2f (target >= 0.5)%n", job.eventsPerS() / raw.eventsPerS());
  }

  static StackEndpoints endpoints() {
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

  /** Comment texts of realistic lengths (the simulator's are one to three sentences). */
  private static final String[] TEXTS = {
    "love this so much, the lighting in the second half is perfect #tips",
    "meh, not your best one",
    "This is exactly what I needed today. Saved it for later, thank you!",
    "terrible audio, could not hear anything after the intro",
    "where did you get that jacket?? need it",
    "Honestly the best tutorial on this I have found, clear and to the point. More like this"
        + " please.",
    "first!",
    "I tried this and it did not work for me, the app keeps crashing on step 3",
  };

  /**
   * Events of 40 creators over ten minutes in the demo simulator's mix (DemoActivity, measured over
   * 200,000 deliveries: about 34 % comments and 5 % mentions, each with a text to score, 33 %
   * likes, 6 % shares, 3 % follows, 12 % Stripe, 2 % posts) plus polled snapshots (5 %).
   */
  static void produce(StackEndpoints stack, String topic, int n) {
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
        Instant at = t0.plusMillis(i * stepMillis - i % 7 * 300);
        StudioEvent e = event(new TestEvents(creator, platform, at), creator, at, i);
        producer.send(
            new ProducerRecord<>(
                topic, creator.getBytes(StandardCharsets.UTF_8), EventJson.write(e)));
      }
      producer.flush();
    }
  }

  static StudioEvent event(TestEvents ev, String creator, Instant at, int i) {
    String content = "post-" + (i % 200);
    String text = TEXTS[(i / 100) % TEXTS.length];
    int roll = i % 100;
    if (roll < 34) {
      List<String> tags = roll % 4 == 0 ? List.of("#launch", "#tips") : List.of();
      return ev.event(
          "c" + i,
          EventType.COMMENT,
          content,
          0,
          new EventPayload.Comment("c" + i, text, null, tags));
    } else if (roll < 39) {
      return ev.event(
          "m" + i,
          EventType.MENTION,
          null,
          0,
          new EventPayload.Comment("m" + i, text, null, List.of()));
    } else if (roll < 72) {
      return ev.like(content, 0, 1);
    } else if (roll < 78) {
      return ev.event("s" + i, EventType.SHARE, content, 0, new EventPayload.Interaction(1));
    } else if (roll < 81) {
      return ev.event("f" + i, EventType.FOLLOW, null, 0, new EventPayload.Interaction(1));
    } else if (roll < 93) {
      return new TestEvents(creator, Platform.STRIPE, at).paid("in_" + i, 1900, 0);
    } else if (roll < 95) {
      return ev.published("post-" + (i % 200), 0, "#launch");
    } else if (roll < 99) {
      return ev.snapshot(content, 0, (long) i, (long) i / 10);
    }
    return ev.followers(0, 1000 + i / 100);
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

  static int freePort() throws java.io.IOException {
    try (var socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
