package io.aegntic.studio.jobs.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aegntic.studio.events.AutomationRule;
import io.aegntic.studio.events.EventJson;
import io.aegntic.studio.events.MetricUpdate;
import io.aegntic.studio.events.Platform;
import io.aegntic.studio.events.RuleTrigger;
import io.aegntic.studio.events.Topics;
import io.aegntic.studio.infra.StackEndpoints;
import io.aegntic.studio.infra.test.StudioStackExtension;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The topology on the real broker with exactly-once: a restarted instance does not fire again. */
@ExtendWith(StudioStackExtension.class)
class AutomationRestartIT {
  @TempDir Path stateDir;
  final String run = UUID.randomUUID().toString().substring(0, 8);
  final String creator = "it-creator-" + run;
  final Instant t0 = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);

  @Test
  void aRestartedTopologyDoesNotFireAgain(StackEndpoints stack) throws Exception {
    List<RuleTrigger> seen = new ArrayList<>();
    try (KafkaProducer<String, byte[]> producer = producer(stack);
        KafkaConsumer<String, byte[]> triggers = consumer(stack)) {
      triggers.subscribe(List.of(Topics.TRIGGERS));
      AutomationRule rule = rule();
      producer.send(new ProducerRecord<>(Topics.RULES, rule.ruleId(), EventJson.write(rule)));
      producer.flush();

      try (Running first = start(stack)) {
        send(producer, 1, 85);
        awaitTriggers(triggers, seen, 1);
      }

      try (Running restarted = start(stack)) {
        send(producer, 2, 90); // still above: must not fire again after the restart
        send(producer, 3, 40); // re-arms
        send(producer, 4, 95); // a new crossing: fires
        awaitTriggers(triggers, seen, 2);
        assertStateEndpointShows(restarted.streams(), rule.ruleId(), t0.plusSeconds(240));
      }
    }
    assertThat(seen).extracting(RuleTrigger::value).containsExactly(85.0, 95.0);
    assertThat(seen).extracting(RuleTrigger::triggerId).doesNotHaveDuplicates();
  }

  /** The state endpoint over the real stores answers health and the rule's last firing. */
  private void assertStateEndpointShows(KafkaStreams streams, String ruleId, Instant firedWindow)
      throws Exception {
    try (StateEndpoint endpoint =
        AutomationApp.endpoint(streams, new InetSocketAddress("127.0.0.1", 0))) {
      endpoint.start();
      HttpClient http = HttpClient.newHttpClient();
      String base = "http://127.0.0.1:" + endpoint.port();
      HttpResponse<String> health =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/health")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                HttpResponse<String> state =
                    http.send(
                        HttpRequest.newBuilder(URI.create(base + "/rules/" + ruleId + "/state"))
                            .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(state.statusCode()).isEqualTo(200);
                assertThat(state.body())
                    .contains("\"lastFiredWindowEnd\":\"" + firedWindow + "\"")
                    .contains("\"subject\":\"post-1\"");
              });
    }
  }

  private AutomationRule rule() {
    return new AutomationRule(
        "it-rule-" + run,
        creator,
        "viral",
        MetricUpdate.Family.ENGAGEMENT,
        "engagement_score",
        MetricUpdate.Scope.CONTENT,
        null,
        AutomationRule.Comparator.GT,
        80,
        Duration.ofMinutes(15),
        Duration.ZERO,
        true,
        new AutomationRule.Action(AutomationRule.ActionType.NOTIFY, Map.of()),
        t0);
  }

  private void send(KafkaProducer<String, byte[]> producer, int minute, double score) {
    Instant end = t0.plus(Duration.ofMinutes(minute));
    MetricUpdate u =
        new MetricUpdate(
            creator,
            MetricUpdate.Family.ENGAGEMENT,
            MetricUpdate.Scope.CONTENT,
            "post-1",
            Platform.X,
            end.minusSeconds(60),
            end,
            MetricUpdate.Emission.FINAL,
            Map.of("engagement_score", score),
            Map.of(),
            end);
    producer.send(new ProducerRecord<>(Topics.METRICS, creator, EventJson.write(u)));
    producer.flush();
  }

  private void awaitTriggers(
      KafkaConsumer<String, byte[]> consumer, List<RuleTrigger> seen, int count) {
    await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () -> {
              for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                if (creator.equals(r.key())) {
                  seen.add(EventJson.read(r.value(), RuleTrigger.class));
                }
              }
              return seen.size() >= count;
            });
  }

  /** A started topology; closing it stops it as a process shutdown would. */
  record Running(KafkaStreams streams) implements AutoCloseable {
    @Override
    public void close() {
      streams.close(Duration.ofSeconds(30));
    }
  }

  private Running start(StackEndpoints stack) {
    AutomationConfig config = new AutomationConfig(stack.kafkaBootstrap(), stateDir, 0);
    Properties props = config.streamsProperties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "automation-it-" + run);
    props.remove(StreamsConfig.APPLICATION_SERVER_CONFIG);
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    KafkaStreams streams = new KafkaStreams(AutomationTopology.build(), props);
    streams.start();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> streams.state() == KafkaStreams.State.RUNNING);
    return new Running(streams);
  }

  private static KafkaProducer<String, byte[]> producer(StackEndpoints stack) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
  }

  private KafkaConsumer<String, byte[]> consumer(StackEndpoints stack) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "automation-it-reader-" + run);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
  }
}
