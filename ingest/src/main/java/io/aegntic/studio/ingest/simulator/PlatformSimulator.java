package io.aegntic.studio.ingest.simulator;

import io.aegntic.studio.events.DemoCreators;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The platform simulator process ({@code ./studio up} starts it): plays the demo creators, signs
 * every webhook like the platform would and sends it to ingest; serves {@code /health} and {@code
 * /stats} on its own port. With STUDIO_DEMO=false it serves its API but sends nothing.
 */
public final class PlatformSimulator {
  private PlatformSimulator() {}

  public static void main(String[] args) throws InterruptedException {
    Map<String, String> env = System.getenv();
    boolean demo = !"false".equalsIgnoreCase(env.getOrDefault("STUDIO_DEMO", "true"));
    URI target = URI.create(env.getOrDefault("STUDIO_SIM_TARGET", "http://127.0.0.1:8081"));
    double rate = Double.parseDouble(env.getOrDefault("STUDIO_SIM_RATE", "5"));
    int port = Integer.parseInt(env.getOrDefault("STUDIO_SIM_PORT", "8090"));
    long seed = Long.parseLong(env.getOrDefault("STUDIO_SIM_SEED", "" + System.nanoTime()));

    PlatformSecrets secrets = PlatformSecrets.from(env);
    if (demo && !secrets.missing().isEmpty()) {
      // Fail at start, naming the variables, rather than on every delivery.
      System.err.println(
          "platform simulator: cannot sign webhooks, not set: "
              + String.join(", ", secrets.missing())
              + " (the same secrets ingest verifies with; see ingest/README.md)");
      System.exit(2);
    }
    WebhookSender sender = new WebhookSender(target, secrets, (d, s) -> {});
    ApiState api = ApiState.demo(seed, java.time.Instant.now());
    PlatformApiServer apis =
        new PlatformApiServer(api, new ApiFaults(), java.time.Clock.systemUTC(), 50);
    SimulatorLoop loop =
        new SimulatorLoop(new DemoActivity(DemoCreators.ALL, seed).withApi(api), sender, rate);
    if (demo) {
      loop.start();
    }
    DisposableServer server =
        HttpServer.create()
            .host("127.0.0.1")
            .port(port)
            .route(
                routes -> {
                  apis.routes(routes);
                  routes
                      .get(
                          "/health",
                          (req, res) ->
                              res.header("Content-Type", "application/json")
                                  .sendString(Mono.just("{\"status\":\"UP\"}")))
                      .get(
                          "/stats",
                          (req, res) ->
                              res.header("Content-Type", "application/json")
                                  .sendString(Mono.just(stats(demo, rate, loop, sender))));
                })
            .bindNow();
    System.out.printf(
        "platform simulator: %s, %.1f deliveries/s to %s, API on http://127.0.0.1:%d%n",
        demo ? "sending" : "not sending (STUDIO_DEMO=false)", rate, target, server.port());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  loop.close();
                  sender.close();
                  server.disposeNow();
                  stopped.countDown();
                }));
    stopped.await();
  }

  private static String stats(boolean demo, double rate, SimulatorLoop loop, WebhookSender sender) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("sending", demo);
    out.put("ratePerSecond", rate);
    out.put("generated", loop.generated());
    out.putAll(sender.stats());
    return io.aegntic.studio.events.EventJson.writeString(out);
  }
}
