package io.aegntic.studio.ingest.bench;

import io.aegntic.studio.ingest.simulator.Draft;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.netty.http.client.HttpClient;

/**
 * Compares two ingest configurations in one JVM: apps A and B, each with its own extra command-line
 * options, take the same load in alternating short slices against one broker. Runs of separate JVMs
 * differ by more than most changes are worth (the machine's load drifts, and the JIT compiles each
 * JVM a little differently); here both share the JIT and the drift. A null run (no options on
 * either side) shows the method's own bias and spread. Arguments: {@code seconds pairs [A options]
 * -- [B options]}, e.g. {@code 5 8 -- --studio.ingest.kafka.linger=10ms}. Prints one line per pair
 * and the means: rate, this process's CPU per delivery and, with {@code BENCH_BROKER_PID}, the
 * broker's, and B against A. Not a test: it asserts nothing.
 */
public final class IngestAB {
  private static final int CONCURRENCY = 256;

  private IngestAB() {}

  public static void main(String[] args) {
    double seconds = Double.parseDouble(args[0]);
    int pairs = Integer.parseInt(args[1]);
    List<String> rest = Arrays.asList(args).subList(2, args.length);
    int split = rest.indexOf("--");
    if (split < 0) {
      throw new IllegalArgumentException("separate A's options from B's with --");
    }
    String[] optionsA = rest.subList(0, split).toArray(String[]::new);
    String[] optionsB = rest.subList(split + 1, rest.size()).toArray(String[]::new);
    String bootstrap = IngestBenchmark.bootstrap();
    String brokerPid = System.getenv("BENCH_BROKER_PID");
    List<Draft> load = LoadGenerator.load(5_000);
    HttpClient client = LoadGenerator.client("ab", CONCURRENCY);
    try (ConfigurableApplicationContext a = IngestBenchmark.startIngest(bootstrap, optionsA);
        ConfigurableApplicationContext b = IngestBenchmark.startIngest(bootstrap, optionsB)) {
      String urlA = "http://127.0.0.1:" + a.getEnvironment().getProperty("local.server.port");
      String urlB = "http://127.0.0.1:" + b.getEnvironment().getProperty("local.server.port");
      LoadGenerator.warmUp("A", client, urlA, load, seconds, CONCURRENCY);
      LoadGenerator.warmUp("B", client, urlB, load, seconds, CONCURRENCY);
      List<double[]> resultsA = new ArrayList<>();
      List<double[]> resultsB = new ArrayList<>();
      for (int pair = 1; pair <= pairs; pair++) {
        boolean aFirst = pair % 2 == 1;
        double[] ra = aFirst ? slice("A", client, urlA, load, seconds, brokerPid) : null;
        double[] rb = slice("B", client, urlB, load, seconds, brokerPid);
        if (!aFirst) {
          ra = slice("A", client, urlA, load, seconds, brokerPid);
        }
        resultsA.add(ra);
        resultsB.add(rb);
        print("AB_PAIR " + pair, ra, rb);
      }
      print("AB_MEAN", mean(resultsA), mean(resultsB));
    }
    System.exit(0);
  }

  private static double[] slice(
      String side, HttpClient client, String url, List<Draft> load, double s, String brokerPid) {
    return IngestConcurrencySweep.measure(side, client, url, load, s, CONCURRENCY, brokerPid);
  }

  private static double[] mean(List<double[]> runs) {
    double[] sum = new double[3];
    for (double[] r : runs) {
      for (int i = 0; i < sum.length; i++) {
        sum[i] += r[i] / runs.size();
      }
    }
    return sum;
  }

  /** Broker CPU is NaN without BENCH_BROKER_PID; the CPU ratio then is this process's alone. */
  private static void print(String label, double[] a, double[] b) {
    double cpuA = a[1] + (Double.isNaN(a[2]) ? 0 : a[2]);
    double cpuB = b[1] + (Double.isNaN(b[2]) ? 0 : b[2]);
    System.out.printf(
        "%s A %.0f/s %.1f + %.1f us  B %.0f/s %.1f + %.1f us  rate B/A %.3f  CPU B/A %.3f%n",
        label, a[0], a[1], a[2], b[0], b[1], b[2], b[0] / a[0], cpuB / cpuA);
  }
}
