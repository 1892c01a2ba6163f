package io.aegntic.studio.ingest.bench;

import io.aegntic.studio.infra.test.StudioStackExtension;
import io.aegntic.studio.ingest.IngestApplication;
import io.aegntic.studio.ingest.simulator.Draft;
import io.aegntic.studio.ingest.webhook.TestSetup;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;

/**
 * Signed webhooks per second acknowledged into Kafka by ingest, against the same load on a bare
 * Reactor Netty endpoint that only reads the body and answers 200, on this machine; prints both and
 * their ratio (target >= 0.6). Not a test: it asserts nothing. See ingest/README.md.
 *
 * <p>Arguments: {@code [seconds] [concurrency] [runs]} (default 15, 256, 1): 256 deliveries in
 * flight saturate both sides on the 2-core machine ({@link IngestConcurrencySweep}). Ingest and the
 * bare endpoint each run in a JVM of their own ({@link ServerProcess}), as ingest is deployed; this
 * process is the load generator. Both get the same signed deliveries from the same client at the
 * same concurrency for the same time (a fixed duration, not a count: the bare endpoint finishes a
 * few thousand requests in well under a second). Both warm up until their rate is steady, and for a
 * fifth of the run time before each run; the order alternates per run so drift in the machine's
 * load hits both alike. Each run prints one {@code BENCH_RESULT} line for bench/run. The broker is
 * STUDIO_KAFKA_BOOTSTRAP when set, otherwise a local stack started for the run; the servers' logs
 * go to BENCH_LOG_DIR (default: the temporary folder).
 */
public final class IngestBenchmark {
  /** Each server's heap, as bench/run gives ingest for the end-to-end benchmark. */
  private static final String SERVER_HEAP = "512m";

  private IngestBenchmark() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 15;
    int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 256;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    String bootstrap = bootstrap();
    List<Draft> load = LoadGenerator.load(5_000);
    HttpClient client = LoadGenerator.client("bench", concurrency);
    Path logs =
        Path.of(
            System.getenv().getOrDefault("BENCH_LOG_DIR", System.getProperty("java.io.tmpdir")));
    try (ServerProcess bare = ServerProcess.start("bare", SERVER_HEAP, logs, "bare");
        ServerProcess ingest =
            ServerProcess.start("ingest", SERVER_HEAP, logs, "ingest", bootstrap)) {
      System.out.println("servers: " + bare + ", " + ingest);
      awaitReady(ingest.url() + "/actuator/health/readiness");
      LoadGenerator.warmUp("bare Reactor Netty", client, bare.url(), load, seconds, concurrency);
      LoadGenerator.warmUp(
          "ingest -> Kafka (acks=all)", client, ingest.url(), load, seconds, concurrency);
      for (int round = 1; round <= runs; round++) {
        boolean bareFirst = round % 2 == 1;
        double[] b =
            bareFirst ? run("bare Reactor Netty", client, bare, load, seconds, concurrency) : null;
        double[] in = run("ingest -> Kafka (acks=all)", client, ingest, load, seconds, concurrency);
        if (!bareFirst) {
          b = run("bare Reactor Netty", client, bare, load, seconds, concurrency);
        }
        System.out.printf(
            "run %d: signed webhooks/s acked into Kafka %.0f, bare Reactor Netty %.0f,"
                + " ratio %.2f (target >= 0.6)%n",
            round, in[0], b[0], in[0] / b[0]);
        System.out.printf(
            "BENCH_RESULT {\"name\":\"ingest.webhooks_per_s\",\"value\":%.1f,\"unit\":\"1/s\","
                + "\"limit_name\":\"bare Reactor Netty endpoint\",\"limit\":%.1f,"
                + "\"ratio\":%.4f,\"target\":\">= 0.6\",\"ingest_process_cpu_us\":%.1f,"
                + "\"bare_process_cpu_us\":%.1f,\"generator_cpu_us_ingest_run\":%.1f,"
                + "\"generator_cpu_us_bare_run\":%.1f,\"bare_first\":%s}%n",
            in[0], b[0], in[0] / b[0], in[2], b[2], in[1], b[1], bareFirst);
      }
    }
    System.exit(0);
  }

  private static double[] run(
      String name, HttpClient client, ServerProcess server, List<Draft> load, double s, int c) {
    return LoadGenerator.run(name, client, server.url(), load, s, c, server::cpuNanos);
  }

  /** Until ingest is ready (Kafka reachable): its first deliveries would be refused otherwise. */
  private static void awaitReady(String url) throws IOException, InterruptedException {
    var http = java.net.http.HttpClient.newHttpClient();
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).build();
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    int status = 0;
    while (System.nanoTime() < deadline) {
      status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status == 200) {
        return;
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("ingest not ready within 2 minutes: " + url + " " + status);
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

  /**
   * Ingest in this JVM on a free port against {@code bootstrap} ({@link BenchServer} in its own,
   * the sweep and the A/B tool in theirs); {@code extra} are more command-line options.
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
