package io.aegntic.studio.serving.bench;

import io.aegntic.studio.events.EventJson;
import io.aegntic.studio.events.MetricUpdate;
import io.aegntic.studio.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import reactor.core.Disposable;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * SSE fan-out benchmark: opens N concurrent {@code /api/stream} connections spread over C bench
 * creators (one user each), produces one metric update per creator per second to the metrics topic,
 * so every stream receives one update per second, and reports the delivery latency from the
 * record's production (its {@code sent_us} value) to its arrival on each stream: p50, p90, p99,
 * max, and the share of expected deliveries that arrived. It prints figures; it asserts nothing.
 *
 * <pre>
 * --url=http://127.0.0.1:8080   a running serving (./studio up), or --self-host to start the
 *                               stack and serving inside this JVM (keep N <= ~8000: one fd limit)
 * --streams=10000 --creators=100 --warmup=5 --seconds=30
 * --burst                       all creators' updates at the start of each second (a
 *                               synchronised burst of N frames) instead of evenly spread
 * --bootstrap=$STUDIO_KAFKA_BOOTSTRAP (default 127.0.0.1:19092)
 * </pre>
 */
public final class SseFanoutBench {
  private static final int OPENING = 256;
  private static final Pattern SENT = Pattern.compile("\"sent_us\":([0-9.E+]+)");

  private final Map<String, String> args;
  private final AtomicInteger connected = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final AtomicLong delivered = new AtomicLong();
  private final long[] latencies = new long[20_000_000];
  private final AtomicInteger recorded = new AtomicInteger();
  private final Semaphore opening = new Semaphore(OPENING);
  private volatile long windowStartMicros = Long.MAX_VALUE;
  private volatile long windowEndMicros = Long.MAX_VALUE;

  private SseFanoutBench(Map<String, String> args) {
    this.args = args;
  }

  public static void main(String[] argv) throws Exception {
    Map<String, String> args = new HashMap<>();
    for (String a : argv) {
      String[] kv = a.replaceFirst("^--", "").split("=", 2);
      args.put(kv[0], kv.length > 1 ? kv[1] : "true");
    }
    new SseFanoutBench(args).run();
    System.exit(0);
  }

  private int intArg(String name, int fallback) {
    return Integer.parseInt(args.getOrDefault(name, Integer.toString(fallback)));
  }

  private void run() throws Exception {
    int streams = intArg("streams", 10_000);
    int creators = Math.min(intArg("creators", 100), streams);
    int warmup = intArg("warmup", 5);
    int seconds = intArg("seconds", 30);
    boolean burst = args.containsKey("burst");
    String url = args.getOrDefault("url", "http://127.0.0.1:8080");
    String bootstrap =
        args.getOrDefault(
            "bootstrap", System.getenv().getOrDefault("STUDIO_KAFKA_BOOTSTRAP", "127.0.0.1:19092"));
    if (args.containsKey("self-host")) {
      SelfHost host = SelfHost.start();
      url = host.url();
      bootstrap = host.kafkaBootstrap();
    }
    System.out.printf(
        "SSE fan-out bench: %d streams over %d creators, %d s warm-up + %d s measured, %s, %s%n",
        streams, creators, warmup, seconds, burst ? "burst each second" : "updates spread", url);

    List<BenchUsers.User> users = BenchUsers.register(url, creators);
    ConnectionProvider pool =
        ConnectionProvider.builder("sse-bench")
            .maxConnections(streams)
            .pendingAcquireMaxCount(-1)
            .pendingAcquireTimeout(Duration.ofMinutes(5))
            .build();
    HttpClient http = HttpClient.create(pool).baseUrl(url);
    List<Disposable> open = new ArrayList<>();
    // At most OPENING streams between request and first byte: a loaded serving accepts slower
    // than a loop can connect, and beyond its accept backlog the kernel drops the handshakes
    // (the client then sees resets), which would measure the backlog, not the fan-out.
    for (int i = 0; i < streams; i++) {
      if (!opening.tryAcquire(60, TimeUnit.SECONDS)) {
        System.out.printf("stream %d: no slot to open in 60 s, opening anyway%n", i);
      }
      open.add(openStream(http, users.get(i % creators).accessToken()));
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (connected.get() + failed.get() < streams && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    System.out.printf("connected %d streams (%d failed)%n", connected.get(), failed.get());

    long expected = 0;
    try (KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
      for (int second = 0; second < warmup + seconds; second++) {
        if (second == warmup) {
          windowStartMicros = nowMicros();
        }
        if (second >= warmup) {
          expected += connected.get();
        }
        long tick = System.nanoTime();
        for (int i = 0; i < users.size(); i++) {
          if (!burst) {
            // Each creator's updates come at their own moment in the second, as independent
            // series do; --burst lines them all up instead.
            sleepUntil(tick + Duration.ofSeconds(1).toNanos() * i / users.size());
          }
          MetricUpdate update = update(users.get(i).creatorId(), second);
          producer.send(
              new ProducerRecord<>(Topics.METRICS, update.creatorId(), EventJson.write(update)));
        }
        producer.flush();
        sleepUntil(tick + Duration.ofSeconds(1).toNanos());
      }
    }
    windowEndMicros = nowMicros();
    // Counts only updates produced inside the window; wait until their deliveries stop coming.
    long before = -1;
    for (int i = 0; i < 60 && delivered.get() != before; i++) {
      before = delivered.get();
      Thread.sleep(1000);
    }
    open.forEach(Disposable::dispose);
    report(expected);
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    long sleep = nanoTime - System.nanoTime();
    if (sleep > 0) {
      Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
    }
  }

  private Disposable openStream(HttpClient http, String token) {
    LineBuffer lines = new LineBuffer();
    boolean[] seen = new boolean[1];
    return http.headers(
            h -> h.set("Authorization", "Bearer " + token).set("Accept", "text/event-stream"))
        .get()
        .uri("/api/stream")
        .responseContent()
        .asString()
        .subscribe(
            chunk -> {
              if (!seen[0]) {
                seen[0] = true;
                connected.incrementAndGet();
                opening.release();
              }
              lines.accept(chunk, this::line);
            },
            error -> {
              failed.incrementAndGet();
              if (!seen[0]) {
                seen[0] = true;
                opening.release();
              }
            });
  }

  private void line(String line) {
    if (!line.startsWith("data:")) {
      return;
    }
    Matcher m = SENT.matcher(line);
    if (m.find()) {
      long sentMicros = (long) Double.parseDouble(m.group(1));
      if (sentMicros < windowStartMicros || sentMicros >= windowEndMicros) {
        return;
      }
      int slot = recorded.getAndIncrement();
      if (slot < latencies.length) {
        latencies[slot] = nowMicros() - sentMicros;
      }
      delivered.incrementAndGet();
    }
  }

  private static long nowMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }

  private static MetricUpdate update(String creatorId, int second) {
    Instant now = Instant.now();
    double micros = now.getEpochSecond() * 1_000_000.0 + now.getNano() / 1_000;
    return new MetricUpdate(
        creatorId,
        MetricUpdate.Family.ENGAGEMENT,
        MetricUpdate.Scope.CREATOR,
        creatorId,
        null,
        now.minusSeconds(60),
        now,
        MetricUpdate.Emission.EARLY,
        Map.of("likes", (double) second, "sent_us", micros),
        Map.of(),
        now);
  }

  private static KafkaProducer<String, byte[]> producer(String bootstrap) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return new KafkaProducer<>(p);
  }

  private void report(long expected) {
    int n = Math.min(recorded.get(), latencies.length);
    long[] sorted = Arrays.copyOf(latencies, n);
    Arrays.sort(sorted);
    System.out.printf(
        "deliveries: %d of %d expected (%.2f%%)%n",
        delivered.get(), expected, expected == 0 ? 0 : 100.0 * delivered.get() / expected);
    if (n == 0) {
      System.out.println("no deliveries measured");
      return;
    }
    System.out.printf(
        "latency production -> arrival: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), sorted[n - 1] / 1000.0);
    System.out.printf(
        "target p99 <= 250 ms: %s (ratio p99/250 ms = %.2f)%n",
        pct(sorted, 99) <= 250 ? "met" : "missed", pct(sorted, 99) / 250);
    // Machine-readable lines for bench/run: no measured limit, the design's target instead.
    String note =
        String.format(
            "\"streams\":%d,\"streams_failed\":%d,\"delivered_share\":%.4f",
            connected.get(), failed.get(), expected == 0 ? 0 : (double) delivered.get() / expected);
    System.out.printf(
        "BENCH_RESULT {\"name\":\"sse.fanout_p50_ms\",\"value\":%.1f,\"unit\":\"ms\","
            + "\"limit_name\":null,\"limit\":null,\"ratio\":null,\"target\":null,%s}%n",
        pct(sorted, 50), note);
    System.out.printf(
        "BENCH_RESULT {\"name\":\"sse.fanout_p99_ms\",\"value\":%.1f,\"unit\":\"ms\","
            + "\"limit_name\":null,\"limit\":null,\"ratio\":null,"
            + "\"target\":\"<= 250 ms at 10k streams\",%s}%n",
        pct(sorted, 99), note);
  }

  private static double pct(long[] sorted, double p) {
    int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1000.0;
  }

  /** Splits a stream of text chunks into lines. */
  private static final class LineBuffer {
    private final StringBuilder partial = new StringBuilder();

    void accept(String chunk, java.util.function.Consumer<String> onLine) {
      partial.append(chunk);
      int start = 0;
      for (int i = 0; i < partial.length(); i++) {
        if (partial.charAt(i) == '\n') {
          onLine.accept(partial.substring(start, i));
          start = i + 1;
        }
      }
      partial.delete(0, start);
    }
  }
}
