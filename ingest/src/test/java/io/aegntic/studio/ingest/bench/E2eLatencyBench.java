package io.aegntic.studio.ingest.bench;

import io.aegntic.studio.events.DemoCreators;
import io.aegntic.studio.events.EventJson;
import io.aegntic.studio.ingest.simulator.DemoActivity;
import io.aegntic.studio.ingest.simulator.Draft;
import io.aegntic.studio.ingest.simulator.WebhookSigner;
import io.aegntic.studio.ingest.webhook.TestSetup;
import io.netty.buffer.Unpooled;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * End-to-end latency (benchmark, not a test): signed webhooks at a fixed rate into a running
 * ingest, through Kafka and the analytics job, to a metric on serving's SSE stream. Besides the
 * background load, it sends a few probes per second: an X like on a content id used nowhere else; a
 * probe's latency is from ingest's 2xx answer (the webhook accepted, durably in Kafka) to the first
 * SSE update whose subject is that content. Load generator and probes are this process; ingest, the
 * job and serving are their own. Prints p50/p99 as {@code BENCH_RESULT} lines.
 *
 * <pre>
 * --ingest=http://127.0.0.1:8081 --serving=http://127.0.0.1:8080
 * --credentials=$STUDIO_DATA_DIR/demo-credentials (serving's demo account: owns creator-demo-1..3)
 * --rate=200 (background webhooks/s) --probes=5 (per s) --warmup=10 --seconds=30
 * --events-per-delivery=1 (1: the simulator's mixed deliveries, one event each; N > 1: X deliveries
 *                          carrying N likes each, so --rate=500 --events-per-delivery=10 asks for
 *                          5,000 events/s)
 * </pre>
 */
public final class E2eLatencyBench {
  private static final Pattern SUBJECT = Pattern.compile("\"subject\":\"([^\"]*probe-[^\"]*)\"");
  private static final Pattern ACCESS = Pattern.compile("\"accessToken\":\"([^\"]+)\"");

  private final Map<String, Long> accepted = new ConcurrentHashMap<>();
  private final Map<String, Long> arrived = new ConcurrentHashMap<>();
  private final AtomicLong ok = new AtomicLong();
  private final AtomicLong notOk = new AtomicLong();
  private final AtomicLong sentTotal = new AtomicLong();
  private final AtomicLong okEvents = new AtomicLong();

  public static void main(String[] argv) throws Exception {
    Map<String, String> args = new HashMap<>();
    for (String a : argv) {
      String[] kv = a.replaceFirst("^--", "").split("=", 2);
      args.put(kv[0], kv.length > 1 ? kv[1] : "true");
    }
    new E2eLatencyBench().run(args);
    System.exit(0);
  }

  private void run(Map<String, String> args) throws Exception {
    String ingest = args.getOrDefault("ingest", "http://127.0.0.1:8081");
    String serving = args.getOrDefault("serving", "http://127.0.0.1:8080");
    int rate = Integer.parseInt(args.getOrDefault("rate", "200"));
    int probesPerSecond = Integer.parseInt(args.getOrDefault("probes", "5"));
    int warmup = Integer.parseInt(args.getOrDefault("warmup", "10"));
    int seconds = Integer.parseInt(args.getOrDefault("seconds", "30"));
    int perDelivery = Integer.parseInt(args.getOrDefault("events-per-delivery", "1"));
    Properties creds = new Properties();
    try (var in = Files.newBufferedReader(Path.of(args.get("credentials")))) {
      creds.load(in);
    }
    String token = login(serving, creds.getProperty("email"), creds.getProperty("password"));
    openStream(serving, token);
    Thread.sleep(1000);
    System.out.printf(
        "e2e latency: %d webhooks/s background (%d events each, %d events/s) + %d probes/s,"
            + " %d s warm-up + %d s measured%n",
        rate, perDelivery, rate * perDelivery, probesPerSecond, warmup, seconds);

    HttpClient client =
        HttpClient.create(
                ConnectionProvider.builder("e2e")
                    .maxConnections(64)
                    .pendingAcquireMaxCount(-1)
                    .build())
            .keepAlive(true);
    WebhookSigner signer = new WebhookSigner(TestSetup.SIMULATOR_SECRETS);
    DemoActivity activity = new DemoActivity(DemoCreators.ALL, System.nanoTime());
    String run = UUID.randomUUID().toString().substring(0, 8);
    long t0 = System.nanoTime();
    long measureFrom = t0 + Duration.ofSeconds(warmup).toNanos();
    long end = measureFrom + Duration.ofSeconds(seconds).toNanos();
    AtomicLong probeSeq = new AtomicLong();
    AtomicLong ticks = new AtomicLong();
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    // 100 ticks a second; tick k sends the deliveries due by then, so the rate holds on average.
    timer.scheduleAtFixedRate(
        () -> {
          long k = ticks.incrementAndGet();
          long due = rate * k / 100 - rate * (k - 1) / 100;
          Instant now = Instant.now();
          for (long i = 0; i < due; i++) {
            Draft d = perDelivery > 1 ? likes(run, perDelivery, now) : activity.next(now);
            send(client, ingest, d, signer.sign(d, now), null, perDelivery);
          }
          long probesDue = probesPerSecond * k / 100 - probesPerSecond * (k - 1) / 100;
          for (long i = 0; i < probesDue; i++) {
            String id = "probe-" + run + "-" + probeSeq.incrementAndGet();
            Draft d = probe(id, now);
            send(
                client,
                ingest,
                d,
                signer.sign(d, now),
                System.nanoTime() >= measureFrom ? id : null,
                1);
          }
        },
        0,
        10,
        TimeUnit.MILLISECONDS);
    Thread.sleep(Duration.ofNanos(end - t0).toMillis());
    timer.shutdownNow();
    long sent = ok.get() + notOk.get();
    double elapsed = (System.nanoTime() - t0) / 1e9;
    double achieved = sent / elapsed;
    // Events in deliveries answered 2xx while the load ran (background and probes).
    double eventsAchieved = okEvents.get() / elapsed;
    // Answers still pending (ingest behind) and the last probes' metrics: up to 30 s more.
    for (int i = 0; i < 30 && ok.get() + notOk.get() < sentTotal.get(); i++) {
      Thread.sleep(1000);
    }
    Thread.sleep(5_000);
    report(rate, perDelivery, achieved, eventsAchieved);
  }

  /**
   * One X delivery with {@code n} likes (each its own event) on the demo creators' posts, for the
   * high event rates: the simulator's deliveries carry one event each.
   */
  private static Draft likes(String run, int n, Instant now) {
    DemoCreators.Creator c =
        DemoCreators.ALL.get(ThreadLocalRandom.current().nextInt(DemoCreators.ALL.size()));
    List<Map<String, Object>> items = new java.util.ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      long id = ThreadLocalRandom.current().nextLong(1L << 40);
      items.add(
          Map.of(
              "id", "fav-" + run + "-" + id,
              "created_at", now.toString(),
              "timestamp_ms", now.toEpochMilli(),
              "favorited_status",
                  Map.of(
                      "id_str", "post-" + run + "-" + (id % 20), "user", Map.of("id_str", c.x())),
              "user", Map.of("id_str", Long.toString(id % 100_000))));
    }
    byte[] body = EventJson.write(Map.of("for_user_id", c.x(), "favorite_events", items));
    return new Draft("x", "application/json", body, c.id());
  }

  /** An X like on a content id no other delivery uses, for creator-demo-1. */
  private static Draft probe(String contentId, Instant now) {
    DemoCreators.Creator c = DemoCreators.ALL.get(0);
    Map<String, Object> like =
        Map.of(
            "id", "fav-" + contentId,
            "created_at", now.toString(),
            "timestamp_ms", now.toEpochMilli(),
            "favorited_status", Map.of("id_str", contentId, "user", Map.of("id_str", c.x())),
            "user", Map.of("id_str", "4242"));
    byte[] body = EventJson.write(Map.of("for_user_id", c.x(), "favorite_events", List.of(like)));
    return new Draft("x", "application/json", body, c.id());
  }

  private void send(
      HttpClient client,
      String base,
      Draft d,
      Map<String, String> headers,
      String probe,
      int events) {
    sentTotal.incrementAndGet();
    client
        .headers(
            h -> {
              h.set("Content-Type", d.contentType());
              headers.forEach(h::set);
            })
        .post()
        .uri(base + "/webhooks/" + d.platform())
        .send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(d.body())))
        .responseSingle((res, body) -> body.then(Mono.just(res.status().code())))
        .subscribe(
            code -> {
              boolean good = code >= 200 && code < 300;
              (good ? ok : notOk).incrementAndGet();
              if (good) {
                okEvents.addAndGet(events);
              }
              if (good && probe != null) {
                accepted.put(probe, System.nanoTime());
              }
            },
            e -> notOk.incrementAndGet());
  }

  private static String login(String serving, String email, String password) {
    byte[] body = EventJson.write(Map.of("email", email, "password", password));
    String json =
        HttpClient.create()
            .headers(h -> h.set("Content-Type", "application/json"))
            .post()
            .uri(serving + "/api/auth/login")
            .send(Mono.just(Unpooled.wrappedBuffer(body)))
            .responseSingle((res, b) -> b.asString())
            .block(Duration.ofSeconds(30));
    Matcher m = ACCESS.matcher(json == null ? "" : json);
    if (!m.find()) {
      throw new IllegalStateException("login to serving failed");
    }
    return m.group(1);
  }

  private void openStream(String serving, String token) {
    StringBuilder partial = new StringBuilder();
    HttpClient.create()
        .headers(h -> h.set("Authorization", "Bearer " + token).set("Accept", "text/event-stream"))
        .responseTimeout(Duration.ofHours(1))
        .get()
        .uri(serving + "/api/stream")
        .responseContent()
        .asString()
        .subscribe(
            chunk -> {
              long now = System.nanoTime();
              partial.append(chunk);
              Matcher m = SUBJECT.matcher(partial);
              int last = 0;
              while (m.find()) {
                arrived.putIfAbsent(m.group(1), now);
                last = m.end();
              }
              int nl = partial.lastIndexOf("\n");
              partial.delete(0, Math.max(last, nl + 1));
            },
            e -> System.out.println("stream ended: " + e));
  }

  private void report(int rate, int perDelivery, double achieved, double eventsAchieved) {
    long[] lat =
        accepted.entrySet().stream()
            .filter(e -> arrivedFor(e.getKey()) != null)
            .mapToLong(e -> arrivedFor(e.getKey()) - e.getValue())
            .sorted()
            .toArray();
    System.out.printf(
        "webhooks: %d ok, %d not ok (%.0f/s answered of %d/s asked, %d events each; events in 2xx"
            + " deliveries %.0f/s of %d/s asked); probes measured %d, arrived %d%n",
        ok.get(),
        notOk.get(),
        achieved,
        rate,
        perDelivery,
        eventsAchieved,
        rate * perDelivery,
        accepted.size(),
        lat.length);
    if (lat.length == 0) {
      System.out.println("no probe arrived on the stream");
      String reason =
          String.format(
              "no probe measured: %d of %d webhooks answered 2xx (%.0f/s of %d/s asked), %d probes"
                  + " accepted in the measured window",
              ok.get(), ok.get() + notOk.get(), achieved, rate, accepted.size());
      for (String name : List.of("e2e.latency_p50_ms", "e2e.latency_p99_ms")) {
        System.out.printf("BENCH_NA {\"name\":\"%s\",\"reason\":\"%s\"}%n", name, reason);
      }
      return;
    }
    double p50 = lat[Math.max(0, (int) Math.ceil(0.5 * lat.length) - 1)] / 1e6;
    double p99 = lat[Math.max(0, (int) Math.ceil(0.99 * lat.length) - 1)] / 1e6;
    System.out.printf(
        "latency webhook accepted -> SSE: p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
        p50, p99, lat[lat.length - 1] / 1e6);
    String note =
        String.format(
            "\"rate_asked\":%d,\"rate_achieved\":%.1f,\"events_per_delivery\":%d,"
                + "\"events_per_s_asked\":%d,\"events_per_s_achieved\":%.1f,"
                + "\"probes\":%d,\"probes_arrived\":%d",
            rate,
            achieved,
            perDelivery,
            rate * perDelivery,
            eventsAchieved,
            accepted.size(),
            lat.length);
    System.out.printf(
        "BENCH_RESULT {\"name\":\"e2e.latency_p50_ms\",\"value\":%.1f,\"unit\":\"ms\","
            + "\"limit_name\":null,\"limit\":null,\"ratio\":null,\"target\":null,%s}%n",
        p50, note);
    System.out.printf(
        "BENCH_RESULT {\"name\":\"e2e.latency_p99_ms\",\"value\":%.1f,\"unit\":\"ms\","
            + "\"limit_name\":null,\"limit\":null,\"ratio\":null,"
            + "\"target\":\"<= 1000 ms at 5k events/s\",%s}%n",
        p99, note);
  }

  /** The job may prefix content ids (e.g. with the platform): match by suffix. */
  private Long arrivedFor(String probe) {
    Long direct = arrived.get(probe);
    if (direct != null) {
      return direct;
    }
    for (Map.Entry<String, Long> e : arrived.entrySet()) {
      if (e.getKey().endsWith(probe)) {
        return e.getValue();
      }
    }
    return null;
  }
}
