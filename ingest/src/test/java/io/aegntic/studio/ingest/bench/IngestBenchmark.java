package io.aegntic.studio.ingest.bench;

import io.aegntic.studio.events.DemoCreators;
import io.aegntic.studio.infra.test.StudioStackExtension;
import io.aegntic.studio.ingest.IngestApplication;
import io.aegntic.studio.ingest.simulator.DemoActivity;
import io.aegntic.studio.ingest.simulator.Draft;
import io.aegntic.studio.ingest.simulator.WebhookSigner;
import io.aegntic.studio.ingest.webhook.TestSetup;
import io.netty.buffer.Unpooled;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;

/**
 * Signed webhooks per second acknowledged into Kafka by ingest, against the same load on a bare
 * Reactor Netty endpoint that only reads the body and answers 200, on this machine; prints both and
 * their ratio (target >= 0.6). Not a test: it asserts nothing. See ingest/README.md.
 *
 * <p>Arguments: {@code [seconds] [concurrency] [runs]} (default 15, 256, 1): 256 deliveries in
 * flight saturate both sides on the 2-core machine, where 64 left ingest waiting on the producer's
 * linger and the broker's round trip (the sweep, {@link IngestConcurrencySweep}, in
 * docs/performance.md). Both sides get the same signed deliveries (one list, cycled) from the same
 * client at the same concurrency for the same time: a fixed duration rather than a fixed count,
 * because the bare endpoint finishes a few thousand requests in well under a second, too short to
 * be a rate. Both sides warm up once for twice that and on while the JIT is still busy (at most six
 * times that), and for a fifth of it before each run; the order of the two alternates per run so
 * drift in the machine's load hits both alike. Each run prints one {@code BENCH_RESULT} line for
 * bench/run. The broker is STUDIO_KAFKA_BOOTSTRAP when set, otherwise a local stack started for the
 * run.
 */
public final class IngestBenchmark {
  private IngestBenchmark() {}

  public static void main(String[] args) {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 15;
    int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 256;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    String bootstrap = bootstrap();
    List<Draft> load = load(5_000);
    HttpClient client = client("bench", concurrency);

    DisposableServer server = bareServer();
    // Both endpoints stay up; the runs alternate so drift in the machine's load hits both alike.
    try (ConfigurableApplicationContext app = startIngest(bootstrap)) {
      String bareUrl = "http://127.0.0.1:" + server.port();
      String ingestUrl =
          "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
      // Once, before the runs: ingest has far more code to load and compile (Spring, Jackson, the
      // Kafka client) than the bare endpoint, and a short warm-up measured mostly the JIT.
      warmUp("bare Reactor Netty", client, bareUrl, load, seconds, concurrency);
      warmUp("ingest -> Kafka (acks=all)", client, ingestUrl, load, seconds, concurrency);
      for (int round = 1; round <= runs; round++) {
        boolean bareFirst = round % 2 == 1;
        double[] bareRun = null;
        if (bareFirst) {
          bareRun = run("bare Reactor Netty", client, bareUrl, load, seconds, concurrency);
        }
        double[] ingestRun =
            run("ingest -> Kafka (acks=all)", client, ingestUrl, load, seconds, concurrency);
        if (!bareFirst) {
          bareRun = run("bare Reactor Netty", client, bareUrl, load, seconds, concurrency);
        }
        double bare = bareRun[0];
        double ingest = ingestRun[0];
        System.out.printf(
            "run %d: signed webhooks/s acked into Kafka %.0f, bare Reactor Netty %.0f,"
                + " ratio %.2f (target >= 0.6)%n",
            round, ingest, bare, ingest / bare);
        System.out.printf(
            "BENCH_RESULT {\"name\":\"ingest.webhooks_per_s\",\"value\":%.1f,\"unit\":\"1/s\","
                + "\"limit_name\":\"bare Reactor Netty endpoint\",\"limit\":%.1f,"
                + "\"ratio\":%.4f,\"target\":\">= 0.6\",\"cpu_us_per_delivery\":%.1f,"
                + "\"bare_cpu_us_per_delivery\":%.1f,\"bare_first\":%s}%n",
            ingest, bare, ingest / bare, ingestRun[1], bareRun[1], bareFirst);
      }
    } finally {
      server.disposeNow();
    }
    System.exit(0);
  }

  /** STUDIO_KAFKA_BOOTSTRAP when set, otherwise a local stack started for the run. */
  static String bootstrap() {
    String bootstrap = System.getenv("STUDIO_KAFKA_BOOTSTRAP");
    return bootstrap == null || bootstrap.isBlank()
        ? StudioStackExtension.endpoints().kafkaBootstrap()
        : bootstrap;
  }

  /** The limit: reads the whole body and answers 200, nothing else. */
  static DisposableServer bareServer() {
    return HttpServer.create()
        .host("127.0.0.1")
        .port(0)
        .handle(
            (req, res) ->
                req.receive()
                    .aggregate()
                    .asByteArray()
                    .defaultIfEmpty(new byte[0])
                    .flatMap(b -> res.status(200).sendString(Mono.just("{\"ok\":true}")).then()))
        .bindNow();
  }

  private record Signed(Draft draft, Map<String, String> headers) {}

  static List<Draft> load(int n) {
    DemoActivity activity = new DemoActivity(DemoCreators.ALL, System.nanoTime());
    List<Draft> out = new ArrayList<>(n);
    Instant now = Instant.now();
    for (int i = 0; i < n; i++) {
      out.add(activity.next(now.plusMillis(i)));
    }
    return out;
  }

  /** Signed just before a run, so Stripe's and TikTok's timestamps are fresh. */
  private static List<Signed> sign(List<Draft> drafts) {
    WebhookSigner signer = new WebhookSigner(TestSetup.SIMULATOR_SECRETS);
    Instant now = Instant.now();
    return drafts.stream().map(d -> new Signed(d, signer.sign(d, now))).toList();
  }

  /**
   * At least {@code 2 * seconds}, then on in slices of half that while the JIT still compiled for
   * more than a tenth of the slice, up to {@code 6 * seconds} in all: ingest has far more code to
   * compile than the bare endpoint, and a loaded machine compiles slowly; runs that measure the JIT
   * say little about the steady state.
   */
  static void warmUp(
      String name, HttpClient client, String base, List<Draft> drafts, double seconds, int n) {
    List<Signed> load = sign(drafts);
    long jit = jitMillis();
    long[] result = send(client, base, load, 2 * seconds, n);
    double spent = 2 * seconds;
    long lastJit = jitMillis() - jit;
    while (spent < 6 * seconds) {
      long before = jitMillis();
      long[] more = send(client, base, load, seconds / 2, n);
      result[0] += more[0];
      result[1] += more[1];
      spent += seconds / 2;
      lastJit = jitMillis() - before;
      if (lastJit < seconds / 2 * 1000 / 10) {
        break;
      }
    }
    System.out.printf(
        "%-28s warm-up: %d ok, %d not ok in %.0f s (JIT compiling: %d ms in all, %d ms in its"
            + " last slice)%n",
        name, result[0], result[1], spent, jitMillis() - jit, lastJit);
  }

  private static long jitMillis() {
    return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
  }

  /**
   * Warms up for a fifth of {@code seconds}, then measures; returns 2xx answers per second and this
   * process's CPU microseconds per delivery.
   */
  static double[] run(
      String name,
      HttpClient client,
      String base,
      List<Draft> drafts,
      double seconds,
      int concurrency) {
    List<Signed> load = sign(drafts);
    send(client, base, load, seconds / 5, concurrency);
    long cpu = cpuNanos();
    long jit = jitMillis();
    long start = System.nanoTime();
    long[] result = send(client, base, load, seconds, concurrency);
    double elapsed = (System.nanoTime() - start) / 1e9;
    double cpuMicros = (cpuNanos() - cpu) / 1e3 / Math.max(1, result[0] + result[1]);
    double rate = result[0] / elapsed;
    System.out.printf(
        "%-28s %d ok, %d not ok in %.1f s: %.0f/s, %.0f us CPU of this process per delivery"
            + " (JIT compiling meanwhile: %d ms)%n",
        name, result[0], result[1], elapsed, rate, cpuMicros, jitMillis() - jit);
    return new double[] {rate, cpuMicros};
  }

  /**
   * CPU time of this process (load generator, both endpoints, ingest's Kafka client): per delivery
   * it is far less sensitive to other processes on a shared machine than the rates are. The
   * broker's CPU is not in it.
   */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Sends the load, cycled, for {@code seconds}; the last requests' answers are awaited. */
  private static long[] send(
      HttpClient client, String base, List<Signed> load, double seconds, int concurrency) {
    AtomicLong ok = new AtomicLong();
    AtomicLong notOk = new AtomicLong();
    long end = System.nanoTime() + (long) (seconds * 1e9);
    Flux.<Signed, Integer>generate(
            () -> 0,
            (i, sink) -> {
              if (System.nanoTime() >= end) {
                sink.complete();
              } else {
                sink.next(load.get(i % load.size()));
              }
              return i + 1;
            })
        .flatMap(
            s ->
                client
                    .headers(
                        h -> {
                          h.set("Content-Type", s.draft().contentType());
                          s.headers().forEach(h::set);
                        })
                    .post()
                    .uri(base + "/webhooks/" + s.draft().platform())
                    .send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(s.draft().body())))
                    .responseSingle((res, body) -> body.then(Mono.just(res.status().code())))
                    .doOnNext(code -> (code >= 200 && code < 300 ? ok : notOk).incrementAndGet())
                    .onErrorResume(
                        e -> {
                          notOk.incrementAndGet();
                          return Mono.empty();
                        }),
            concurrency)
        .blockLast(Duration.ofMinutes(10));
    return new long[] {ok.get(), notOk.get()};
  }

  /**
   * The load generator's client. Its pool has twice as many connections as requests in flight: a
   * finished request's connection returns to the pool a little after its answer, so with one per
   * request the next request's acquire would often wait, and each waiting acquire schedules a
   * timeout on Reactor's parallel scheduler (seen in the profile: the generator's cost, varying
   * with how the server under test times its answers).
   */
  static HttpClient client(String name, int concurrency) {
    return HttpClient.create(ConnectionProvider.create(name, 2 * concurrency)).keepAlive(true);
  }

  /**
   * Ingest on a free port against {@code bootstrap}; {@code extra} are more command-line options.
   */
  static ConfigurableApplicationContext startIngest(String bootstrap, String... extra) {
    List<String> args = new ArrayList<>();
    args.add("--server.port=0");
    args.add("--studio.ingest.kafka.bootstrap=" + bootstrap);
    args.add("--spring.config.additional-location=" + TestSetup.SPRING_PROPERTIES);
    args.add("--logging.level.root=WARN");
    args.addAll(List.of(extra));
    // Command-line arguments: they override application.properties (builder properties do not).
    return new SpringApplicationBuilder(IngestApplication.class).run(args.toArray(String[]::new));
  }
}
