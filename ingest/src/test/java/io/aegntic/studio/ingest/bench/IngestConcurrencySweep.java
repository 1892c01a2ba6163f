package io.aegntic.studio.ingest.bench;

import io.aegntic.studio.ingest.simulator.Draft;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;

/**
 * {@link IngestBenchmark}'s two sides at several concurrencies in one process, to see where each
 * saturates: a throughput figure must be taken where both sides are at capacity, not where one is
 * bounded by latency. Arguments: {@code seconds concurrencies runs}, e.g. {@code 8 64,128,256,512
 * 2}. Both sides warm up once at the highest concurrency; each round walks the list (reversed every
 * other round) and alternates which side goes first. Prints one line per side and concurrency:
 * rate, CPU of this process per delivery and, when {@code BENCH_BROKER_PID} names the broker's
 * process, the broker's CPU per delivery. Not a test: it asserts nothing. Unlike {@link
 * IngestBenchmark}, which runs each server in a JVM of its own, it keeps both in this one: it
 * compares depths, it does not give the figure.
 */
public final class IngestConcurrencySweep {
  private IngestConcurrencySweep() {}

  public static void main(String[] args) {
    double seconds = Double.parseDouble(args[0]);
    int[] levels = Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray();
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    int max = Arrays.stream(levels).max().orElseThrow();
    String bootstrap = IngestBenchmark.bootstrap();
    String brokerPid = System.getenv("BENCH_BROKER_PID");
    List<Draft> load = LoadGenerator.load(5_000);
    HttpClient client = LoadGenerator.client("sweep", max);
    DisposableServer server = IngestBenchmark.bareServer();
    try (ConfigurableApplicationContext app = IngestBenchmark.startIngest(bootstrap)) {
      String bare = "http://127.0.0.1:" + server.port();
      String ingest = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
      LoadGenerator.warmUp("bare Reactor Netty", client, bare, load, seconds, max);
      LoadGenerator.warmUp("ingest -> Kafka (acks=all)", client, ingest, load, seconds, max);
      int turn = 0;
      for (int round = 1; round <= runs; round++) {
        for (int i = 0; i < levels.length; i++) {
          int c = levels[round % 2 == 1 ? i : levels.length - 1 - i];
          boolean bareFirst = turn++ % 2 == 0;
          double[] b = null;
          if (bareFirst) {
            b = measure("bare", client, bare, load, seconds, c, brokerPid);
          }
          double[] in = measure("ingest", client, ingest, load, seconds, c, brokerPid);
          if (!bareFirst) {
            b = measure("bare", client, bare, load, seconds, c, brokerPid);
          }
          System.out.printf(
              "SWEEP round=%d concurrency=%d ingest_per_s=%.0f ingest_cpu_us=%.1f"
                  + " ingest_broker_cpu_us=%.1f bare_per_s=%.0f bare_cpu_us=%.1f ratio=%.2f"
                  + " bare_first=%s%n",
              round, c, in[0], in[1], in[2], b[0], b[1], in[0] / b[0], bareFirst);
        }
      }
    } finally {
      server.disposeNow();
    }
    System.exit(0);
  }

  /** Rate, this process's CPU us per delivery, the broker's CPU us per delivery (or NaN). */
  static double[] measure(
      String side,
      HttpClient client,
      String url,
      List<Draft> load,
      double seconds,
      int concurrency,
      String brokerPid) {
    long broker = brokerTicks(brokerPid);
    long start = System.nanoTime();
    double[] r =
        LoadGenerator.run(
            side + " c=" + concurrency, client, url, load, seconds, concurrency, null);
    double elapsed = (System.nanoTime() - start) / 1e9;
    double brokerUs = Double.NaN;
    if (broker >= 0) {
      // The ticks cover the run's short warm-up too: divide by the deliveries of the whole time.
      double deliveries = r[0] * elapsed;
      brokerUs = (brokerTicks(brokerPid) - broker) * 10_000.0 / Math.max(1, deliveries);
    }
    return new double[] {r[0], r[1], brokerUs};
  }

  /** utime + stime of a process in clock ticks (100 per second on Linux), -1 if unknown. */
  private static long brokerTicks(String pid) {
    if (pid == null || pid.isBlank()) {
      return -1;
    }
    try {
      String stat = Files.readString(Path.of("/proc", pid, "stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
