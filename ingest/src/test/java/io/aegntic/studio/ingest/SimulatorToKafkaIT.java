package io.aegntic.studio.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aegntic.studio.events.EventJson;
import io.aegntic.studio.events.StudioEvent;
import io.aegntic.studio.events.Topics;
import io.aegntic.studio.infra.test.StudioStackExtension;
import io.aegntic.studio.ingest.simulator.DemoActivity;
import io.aegntic.studio.ingest.simulator.Draft;
import io.aegntic.studio.ingest.simulator.SimulatorLoop;
import io.aegntic.studio.ingest.simulator.WebhookSender;
import io.aegntic.studio.ingest.simulator.WebhookSigner;
import io.aegntic.studio.ingest.webhook.PlatformWebhook;
import io.aegntic.studio.ingest.webhook.TestSetup;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Simulator -> ingest -> studio.events.v1 with the real broker, stopped mid-run: every delivery
 * ingest acknowledged has all its events in Kafka keyed by creator, during the outage ingest
 * answers 503 with Retry-After and readiness goes down, and after the simulator's retries nothing
 * is missing.
 */
class SimulatorToKafkaIT extends IngestItSupport {
  @LocalServerPort int port;
  @Autowired WebTestClient client;
  @Autowired List<PlatformWebhook> webhooks;

  @Test
  void everyAcknowledgedDeliveryIsInKafkaAcrossABrokerOutage() throws Exception {
    Queue<Draft> acked = new ConcurrentLinkedQueue<>();
    URI ingest = URI.create("http://127.0.0.1:" + port);
    DemoActivity activity = new DemoActivity(CREATORS, System.nanoTime());
    try (WebhookSender sender =
            new WebhookSender(ingest, TestSetup.SIMULATOR_SECRETS, (d, s) -> acked.add(d));
        SimulatorLoop loop = new SimulatorLoop(activity, sender, 40)) {
      loop.start();
      await().atMost(Duration.ofSeconds(120)).until(() -> acked.size() >= 100);

      StudioStackExtension.stopKafka();
      // A delivery during the outage: not acknowledged, told when to retry.
      Draft probe = new DemoActivity(CREATORS, 7).next(Instant.now());
      HttpHeaders signed = new HttpHeaders();
      new WebhookSigner(TestSetup.SIMULATOR_SECRETS)
          .sign(probe, Instant.now())
          .forEach(signed::add);
      client
          .post()
          .uri("/webhooks/" + probe.platform())
          .contentType(MediaType.parseMediaType(probe.contentType()))
          .headers(h -> h.addAll(signed))
          .bodyValue(probe.body())
          .exchange()
          .expectStatus()
          .isEqualTo(503)
          .expectHeader()
          .exists(HttpHeaders.RETRY_AFTER)
          .expectBody()
          .jsonPath("$.error")
          .isEqualTo("broker_unavailable");
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () ->
                  client
                          .get()
                          .uri("/actuator/health/readiness")
                          .exchange()
                          .returnResult(String.class)
                          .getStatus()
                          .value()
                      == 503);
      client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
      long ackedDuringOutage = acked.size();
      Thread.sleep(3_000); // the simulator keeps sending, and retrying, while the broker is down

      StudioStackExtension.startKafka();
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () ->
                  client
                      .get()
                      .uri("/actuator/health/readiness")
                      .exchange()
                      .returnResult(String.class)
                      .getStatus()
                      .is2xxSuccessful());
      await().atMost(Duration.ofSeconds(120)).until(() -> acked.size() >= ackedDuringOutage + 100);
      loop.close();
      await().atMost(Duration.ofSeconds(120)).until(() -> sender.pending() == 0);
      assertThat(sender.stats()).containsEntry("rejected", 0L);
      assertThat(sender.stats().get("retried")).isPositive();
    }

    Map<String, String> expected = expectedEvents(acked); // eventId -> creatorId
    Set<String> ours = CREATORS.stream().map(c -> c.id()).collect(Collectors.toSet());
    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () -> {
              Map<String, String> seen = new HashMap<>();
              for (ConsumerRecord<String, byte[]> r :
                  readAll(List.of(Topics.EVENTS), Duration.ofSeconds(2))) {
                if (ours.contains(r.key())) {
                  StudioEvent e = EventJson.read(r.value(), StudioEvent.class);
                  assertThat(r.key()).isEqualTo(e.creatorId());
                  seen.put(e.eventId(), e.creatorId());
                }
              }
              assertThat(seen).containsAllEntriesOf(expected);
            });
    assertThat(expected).hasSizeGreaterThanOrEqualTo(200);
  }

  /** What ingest's own receivers make of the acknowledged deliveries. */
  private Map<String, String> expectedEvents(Queue<Draft> acked) {
    Map<String, PlatformWebhook> byName =
        webhooks.stream().collect(Collectors.toMap(PlatformWebhook::name, Function.identity()));
    Map<String, String> out = new HashMap<>();
    for (Draft d : acked) {
      var n = byName.get(d.platform()).normalise(d.body(), Instant.now());
      assertThat(n.deadLetters()).isEmpty();
      n.events().forEach(e -> out.put(e.eventId(), e.creatorId()));
    }
    return out;
  }
}
