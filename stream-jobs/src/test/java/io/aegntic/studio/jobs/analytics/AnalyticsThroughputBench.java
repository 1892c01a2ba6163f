package io.aegntic.studio.jobs.analytics;

import io.aegntic.studio.events.EventIds;
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
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Benchmark (not a test): {@link CreatorAnalyticsJob}'s sustained events/s from Kafka into InfluxDB
 * and the metrics topic (no sentiment: {@link SentimentJobBench} measures that job), against a raw
 * Kafka consumer reading and parsing the same records in the same run, and their ratio (target >=
 * 0.5). Sustained: both are timed over the same stretch of the topic, from its middle
 * (BENCH_ANALYTICS_STEADY_FROM) to its end, once the job is past its start (every key new, the JIT
 * recompiling for a fresh job); the whole run is printed too. Uses the stack in
 * STUDIO_KAFKA_BOOTSTRAP/STUDIO_INFLUX_URL when set, else starts one. Run: see
 * stream-jobs/README.md. Argument: number of events (default 200000).
 */
public final class AnalyticsThroughputBench {
  private AnalyticsThroughputBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    // Two rounds: after one, the JIT still compiled for about a second of CPU (0.3 of a core)
    // during the measured stretch, the job's rarely run paths (checkpoints, sinks) reaching their
    // thresholds; after two, 0.2-0.8 s (docs/performance.md).
    int warmUps = warmUps(System.getenv().getOrDefault("BENCH_ANALYTICS_WARMUP", "2"));
    boolean warmUp = warmUps > 0;
    int steadyFrom =
        steadyFrom(System.getenv().getOrDefault("BENCH_ANALYTICS_STEADY_FROM", "0.5"), n);
    StackEndpoints stack = endpoints();
    String run = UUID.randomUUID().toString().substring(0, 8);
    String topic = Topics.EVENTS + ".bench-" + run;
    StackIo.createTopic(stack, topic, 2);
    long t = System.nanoTime();
    produce(stack, topic, n);
    System.out.printf("produced %,d events in %.1f s%n", n, (System.nanoTime() - t) / 1e9);

    String warmTopic = topic + "-warmup";
    RawConsumer.Result coldRaw = null;
    BenchJob.Result cold = null;
    if (warmUp) {
      // A cold JVM spends a short run mostly JIT-compiling (printed below): both sides first run
      // unmeasured as the figure, on a topic of their own with the same events.
      StackIo.createTopic(stack, warmTopic, 2);
      produce(stack, warmTopic, n);
      for (int i = 1; i <= warmUps; i++) {
        RawConsumer.Result r = RawConsumer.run(stack, warmTopic, n, steadyFrom);
        BenchJob.Result j =
            BenchJob.run(stack, warmTopic, n, steadyFrom, "bench-" + run + "-warmup-" + i);
        print(i == 1 ? "warm-up 1 (cold JVM)" : "warm-up " + i, j, r, n, steadyFrom);
        if (i == 1) {
          coldRaw = r;
          cold = j;
        }
      }
    }
    RawConsumer.Result raw = RawConsumer.run(stack, topic, n, steadyFrom);
    BenchJob.Result job = BenchJob.run(stack, topic, n, steadyFrom, "bench-" + run);
    print(warmUp ? "measured (after the warm-up)" : "measured (cold JVM)", job, raw, n, steadyFrom);
    // One machine-readable line for bench/run (docs/performance.md).
    BenchJob.Window steady = job.steady();
    System.out.printf(
        "BENCH_RESULT {\"name\":\"analytics.job_events_per_s\",\"value\":%.1f,\"unit\":\"1/s\","
            + "\"limit_name\":\"raw Kafka consumer + parse\",\"limit\":%.1f,\"ratio\":%.4f,"
            + "\"target\":\">= 0.5\",\"steady_from_event\":%d,\"cpu_ms_per_1000_job\":%.1f,"
            + "\"cpu_ms_per_1000_raw\":%.1f,\"cpu_ratio\":%.4f,\"jit_ms_job\":%d,"
            + "\"jit_ms_raw\":%d,\"whole_run_job\":%.1f,\"whole_run_raw\":%.1f,"
            + "\"whole_run_ratio\":%.4f,\"whole_run_cpu_ms_per_1000_job\":%.1f,"
            + "\"whole_run_jit_ms_job\":%d,\"gc_ms_job\":%d,\"warm_up\":%b,\"cold_ratio\":%s}%n",
        steady.eventsPerS(),
        raw.steady().eventsPerS(),
        steady.eventsPerS() / raw.steady().eventsPerS(),
        steadyFrom,
        steady.cpuMsPer1000(),
        raw.steady().cpuMsPer1000(),
        raw.steady().cpuMsPer1000() / steady.cpuMsPer1000(),
        steady.jitMs(),
        raw.steady().jitMs(),
        job.eventsPerS(),
        raw.whole().eventsPerS(),
        job.eventsPerS() / raw.whole().eventsPerS(),
        job.cpuMsPer1000(),
        job.jitMs(),
        job.gcMs(),
        warmUp,
        cold == null
            ? "null"
            : String.format("%.4f", cold.eventsPerS() / coldRaw.whole().eventsPerS()));
    try {
      StackIo.deleteTopics(stack, warmUp ? List.of(topic, warmTopic) : List.of(topic));
    } catch (Exception e) { // the figure is out; a topic left behind only costs disk
      System.out.println("could not delete the benchmark topics: " + e);
    }
    System.exit(0);
  }

  /** BENCH_ANALYTICS_STEADY_FROM: where the timed stretch starts, a fraction of the topic. */
  private static int steadyFrom(String value, int n) {
    double from;
    try {
      from = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      from = Double.NaN;
    }
    int event = (int) (n * from);
    if (!(from > 0 && from < 1) || event < 1) {
      throw new IllegalArgumentException(
          "BENCH_ANALYTICS_STEADY_FROM must be a fraction between 0 and 1 (exclusive) that leaves"
              + " at least one event before the timed stretch, got: "
              + value);
    }
    return event;
  }

  /** BENCH_ANALYTICS_WARMUP: "off", or how many unmeasured rounds of both sides come first. */
  private static int warmUps(String value) {
    return switch (value) {
      case "off" -> 0;
      case "on" -> 1;
      default -> Integer.parseInt(value);
    };
  }

  private static void print(
      String which, BenchJob.Result job, RawConsumer.Result raw, int n, int steadyFrom) {
    System.out.printf("-- %s --%n", which);
    System.out.printf(
        "job submitted to all tasks RUNNING (operators open): %.1f s%n", job.untilRunningS());
    System.out.printf(
        "clock: %.1f s from gate to last end-of-input flush; job end (final checkpoint, commit,"
            + " shutdown) %.1f s later%s; GC during the job %,d ms%n",
        job.clockS(),
        job.tailS(),
        job.flushSeen() ? "" : " (no end-of-input flush seen: clock stopped at job end)",
        job.gcMs());
    print(
        "whole run, events 0.." + String.format("%,d", n),
        new BenchJob.Window(job.eventsPerS(), job.cpuMsPer1000(), job.jitMs()),
        raw.whole());
    print(
        String.format("steady, events %,d..%,d (the figure)", steadyFrom, n),
        job.steady(),
        raw.steady());
  }

  private static void print(String window, BenchJob.Window job, BenchJob.Window raw) {
    System.out.printf("%s:%n", window);
    System.out.printf(
        "  analytics job (Kafka -> InfluxDB + %s, exactly-once, parallelism 2; sentiment is"
            + " SentimentJobBench's): %,.0f events/s%n",
        Topics.METRICS, job.eventsPerS());
    System.out.printf(
        "  raw consumer (read + EventJson parse): %,.0f events/s%n", raw.eventsPerS());
    System.out.printf(
        "  process CPU per 1,000 events: job %.1f ms, raw consumer %.1f ms (raw/job %.2f);"
            + " JIT meanwhile: job %,d ms, raw %,d ms%n",
        job.cpuMsPer1000(),
        raw.cpuMsPer1000(),
        raw.cpuMsPer1000() / job.cpuMsPer1000(),
        job.jitMs(),
        raw.jitMs());
    System.out.printf(
        "  ratio job / raw consumer: %.2f (target >= 0.5)%n", job.eventsPerS() / raw.eventsPerS());
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
        StudioEvent e =
            withContractId(event(new TestEvents(creator, platform, at), creator, at, i));
        producer.send(
            new ProducerRecord<>(
                topic, creator.getBytes(StandardCharsets.UTF_8), EventJson.write(e)));
      }
      producer.flush();
    }
  }

  /** The id ingest would give it ({@code EventIds}: 32 hex digits), not the test builder's. */
  static StudioEvent withContractId(StudioEvent e) {
    return StudioEvent.of(
        EventIds.of(e.platform(), e.eventId()),
        e.type(),
        e.platform(),
        e.creatorId(),
        e.contentId(),
        e.actorId(),
        e.occurredAt(),
        e.receivedAt(),
        e.payload());
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

  static int freePort() throws java.io.IOException {
    try (var socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
