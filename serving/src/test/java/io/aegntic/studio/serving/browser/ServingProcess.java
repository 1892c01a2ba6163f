package io.aegntic.studio.serving.browser;

import io.aegntic.studio.infra.StackEndpoints;
import io.aegntic.studio.infra.test.StudioStackExtension;
import io.aegntic.studio.serving.ServingApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * serving started by the browser ITs themselves (not by Spring's test context) on the real stack
 * and a fixed port, so a test can stop it and start it again where an open page expects it.
 */
final class ServingProcess implements AutoCloseable {
  private final int port;
  private final List<String> args = new ArrayList<>();
  private ConfigurableApplicationContext context;

  /** {@code automationUrl}: the topology's state endpoint (may be unreachable). */
  ServingProcess(String automationUrl) throws IOException {
    port = freePort();
    StackEndpoints stack =
        StudioStackExtension.endpoints()
            .withPostgresDatabase(StudioStackExtension.newDatabase("browser"));
    // Command-line arguments outrank application.yaml (default properties would not).
    arg("server.port", port);
    arg("spring.r2dbc.url", stack.postgresR2dbcUrl());
    arg("spring.r2dbc.username", stack.postgresUser());
    arg("spring.r2dbc.password", stack.postgresPassword());
    arg("spring.flyway.url", stack.postgresJdbcUrl());
    arg("spring.flyway.user", stack.postgresUser());
    arg("spring.flyway.password", stack.postgresPassword());
    arg("studio.kafka.bootstrap", stack.kafkaBootstrap());
    arg("studio.influx.url", stack.influxUrl());
    arg("studio.influx.database", stack.influxDatabase());
    arg("studio.jwt.secret", randomKey());
    arg("studio.token-key", randomKey());
    arg("studio.data-dir", Files.createTempDirectory("serving-browser-it"));
    arg("studio.demo.enabled", false);
    arg("studio.automation.url", automationUrl);
    // The ITs' own Spring context (another database) may share this JVM and broker: its trigger
    // consumer must not take (and skip) this instance's triggers.
    arg("studio.automation.trigger-group", "studio-serving-browser-" + UUID.randomUUID());
    arg("studio.stream.heartbeat", "2s");
  }

  private void arg(String name, Object value) {
    args.add("--" + name + "=" + value);
  }

  /** Starts serving (again, on the same port and database). */
  synchronized void start() {
    if (context == null) {
      context =
          new SpringApplicationBuilder(ServingApplication.class).run(args.toArray(String[]::new));
    }
  }

  /** Stops serving; open streams are cut. */
  synchronized void stop() {
    if (context != null) {
      context.close();
      context = null;
    }
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  /** True once serving's metrics consumer has its partitions, so a new record reaches streams. */
  synchronized boolean feedAssigned() {
    if (context == null) {
      return false;
    }
    var health = context.getBean("metricsFeed", HealthIndicator.class).health();
    return Boolean.TRUE.equals(health.getDetails().get("assigned"));
  }

  @Override
  public void close() {
    stop();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
