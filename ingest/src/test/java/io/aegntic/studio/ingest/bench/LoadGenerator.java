package io.aegntic.studio.ingest.bench;

import io.aegntic.studio.events.DemoCreators;
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
import java.util.function.LongSupplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The ingest benchmarks' load: the demo simulator's deliveries, signed just before each use, sent
 * by one Reactor Netty client with a fixed number in flight for a fixed time; warm-up and measured
 * runs with their rate and CPU per delivery.
 */
final class LoadGenerator {
  private LoadGenerator() {}

  private record Signed(Draft draft, Map<String, String> headers) {}

  /** {@code n} deliveries of the demo creators' mix (all platforms). */
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
   * At least {@code 2 * seconds}, then on in slices of half that until a slice's rate is within 3 %
   * of the one before and this process's JIT compiled for under a tenth of the slice, up to {@code
   * 6 * seconds} in all: the server under test may run in another JVM, whose JIT this one cannot
   * see, and runs that measure the JIT say little about the steady state.
   */
  static void warmUp(
      String name, HttpClient client, String base, List<Draft> drafts, double seconds, int n) {
    List<Signed> load = sign(drafts);
    long jit = jitMillis();
    long[] result = send(client, base, load, 2 * seconds, n);
    double spent = 2 * seconds;
    double lastRate = 0;
    double rate = 0;
    long lastJit = jitMillis() - jit;
    while (spent < 6 * seconds) {
      long before = jitMillis();
      long[] more = send(client, base, load, seconds / 2, n);
      result[0] += more[0];
      result[1] += more[1];
      spent += seconds / 2;
      lastJit = jitMillis() - before;
      lastRate = rate;
      rate = more[0] / (seconds / 2);
      boolean steady = lastRate > 0 && Math.abs(rate - lastRate) <= 0.03 * lastRate;
      if (steady && lastJit < seconds / 2 * 1000 / 10) {
        break;
      }
    }
    System.out.printf(
        "%-28s warm-up: %d ok, %d not ok in %.0f s (last slices %.0f and %.0f /s; this JVM's JIT"
            + " compiling: %d ms in all, %d ms in its last slice)%n",
        name, result[0], result[1], spent, lastRate, rate, jitMillis() - jit, lastJit);
  }

  private static long jitMillis() {
    return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
  }

  /**
   * Warms up for a fifth of {@code seconds}, then measures: 2xx answers per second, this process's
   * CPU microseconds per delivery and, when {@code serverCpu} (the CPU nanoseconds of a server in
   * another process) is given, that process's; else NaN.
   */
  static double[] run(
      String name,
      HttpClient client,
      String base,
      List<Draft> drafts,
      double seconds,
      int concurrency,
      LongSupplier serverCpu) {
    List<Signed> load = sign(drafts);
    send(client, base, load, seconds / 5, concurrency);
    long cpu = cpuNanos();
    long server = serverCpu == null ? 0 : serverCpu.getAsLong();
    long jit = jitMillis();
    long start = System.nanoTime();
    long[] result = send(client, base, load, seconds, concurrency);
    double elapsed = (System.nanoTime() - start) / 1e9;
    long deliveries = Math.max(1, result[0] + result[1]);
    double cpuMicros = (cpuNanos() - cpu) / 1e3 / deliveries;
    double serverMicros =
        serverCpu == null ? Double.NaN : (serverCpu.getAsLong() - server) / 1e3 / deliveries;
    double rate = result[0] / elapsed;
    String where =
        serverCpu == null
            ? String.format("%.0f us CPU of this process", cpuMicros)
            : String.format("CPU %.1f us server, %.1f us load generator", serverMicros, cpuMicros);
    System.out.printf(
        "%-28s %d ok, %d not ok in %.1f s: %.0f/s, %s per delivery (JIT compiling here: %d ms)%n",
        name, result[0], result[1], elapsed, rate, where, jitMillis() - jit);
    return new double[] {rate, cpuMicros, serverMicros};
  }

  /** CPU time of this process: the load generator, and any server running in it. */
  static long cpuNanos() {
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
}
