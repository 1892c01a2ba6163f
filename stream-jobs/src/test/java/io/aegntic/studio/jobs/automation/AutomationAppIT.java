package io.aegntic.studio.jobs.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aegntic.studio.events.AutomationRule;
import io.aegntic.studio.events.EventJson;
import io.aegntic.studio.events.MetricUpdate;
import io.aegntic.studio.events.Topics;
import io.aegntic.studio.infra.StackEndpoints;
import io.aegntic.studio.infra.test.StudioStackExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@link AutomationApp} as `./studio up` starts it: a child process configured by env vars. */
@ExtendWith(StudioStackExtension.class)
class AutomationAppIT {
  @TempDir Path dataDir;
  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void theAppBecomesHealthyAndServesItsRulesState(StackEndpoints stack) throws Exception {
    String creator = "app-it-" + UUID.randomUUID().toString().substring(0, 8);
    int port = freePort();
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                // Flink's test jars carry a log4j2-test.properties that would silence the app
                "-Dlog4j.configurationFile=log4j2.xml",
                "-cp",
                System.getProperty("java.class.path"),
                AutomationApp.class.getName())
            .redirectErrorStream(true)
            .redirectOutput(dataDir.resolve("app.log").toFile());
    builder.environment().put("STUDIO_KAFKA_BOOTSTRAP", stack.kafkaBootstrap());
    builder.environment().put("STUDIO_DATA_DIR", dataDir.toString());
    builder.environment().put("STUDIO_AUTOMATION_PORT", Integer.toString(port));
    Process app = builder.start();
    try {
      String base = "http://127.0.0.1:" + port;
      await().atMost(Duration.ofSeconds(120)).until(() -> status(base + "/health") == 200);
      assertThat(dataDir.resolve("automation/state")).isDirectory();

      AutomationRule rule = rule(creator);
      try (KafkaProducer<String, byte[]> producer = producer(stack)) {
        producer.send(new ProducerRecord<>(Topics.RULES, rule.ruleId(), EventJson.write(rule)));
      }
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(get(base + "/creators/" + creator + "/rules/state"))
                      .contains("\"ruleId\":\"" + rule.ruleId() + "\""));
    } finally {
      app.destroy(); // SIGTERM: the shutdown hook closes the topology
      await().atMost(Duration.ofSeconds(60)).until(() -> !app.isAlive());
      System.out.println(
          java.nio.file.Files.readString(dataDir.resolve("app.log"))); // for a failure
    }
  }

  private static AutomationRule rule(String creator) {
    return new AutomationRule(
        creator + "-rule",
        creator,
        "negative comments",
        MetricUpdate.Family.SENTIMENT,
        "negative_share",
        MetricUpdate.Scope.CREATOR,
        null,
        AutomationRule.Comparator.GT,
        0.3,
        Duration.ofHours(1),
        Duration.ofHours(1),
        true,
        new AutomationRule.Action(AutomationRule.ActionType.NOTIFY, Map.of()),
        Instant.now());
  }

  private int status(String url) {
    try {
      return http.send(
              HttpRequest.newBuilder(URI.create(url)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1; // not listening yet
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private String get(String url) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static KafkaProducer<String, byte[]> producer(StackEndpoints stack) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
  }
}
