package io.aegntic.studio.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aegntic.studio.ingest.simulator.DemoActivity;
import io.aegntic.studio.ingest.simulator.Draft;
import io.aegntic.studio.ingest.simulator.WebhookSigner;
import io.aegntic.studio.ingest.webhook.TestSetup;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Webhook POSTs are measured by ingest's own meters (received, accepted, events, receipt-to-2xx
 * duration per platform) instead of Spring's {@code http.server.requests}, which still observes
 * every other request (here a handshake GET).
 */
class WebhookMetricsIT extends IngestItSupport {
  @Autowired WebTestClient client;
  @Autowired MeterRegistry meters;

  @Test
  void acceptedDeliveriesAreCountedAndTimedByIngestsOwnMeters() {
    Draft draft = new DemoActivity(CREATORS, 11).next(Instant.now());
    String platform = draft.platform();
    double accepted = count("studio.ingest.webhooks.accepted", platform);
    long timed = timed(platform);
    HttpHeaders signed = new HttpHeaders();
    new WebhookSigner(TestSetup.SIMULATOR_SECRETS).sign(draft, Instant.now()).forEach(signed::add);
    client
        .post()
        .uri("/webhooks/" + platform)
        .contentType(MediaType.parseMediaType(draft.contentType()))
        .headers(h -> h.addAll(signed))
        .bodyValue(draft.body())
        .exchange()
        .expectStatus()
        .isOk();
    client.get().uri("/webhooks/x?crc_token=abc").exchange().expectStatus().isOk();

    assertThat(count("studio.ingest.webhooks.accepted", platform)).isEqualTo(accepted + 1);
    assertThat(count("studio.ingest.webhooks.received", platform)).isPositive();
    assertThat(count("studio.ingest.events.accepted", platform)).isPositive();
    assertThat(timed(platform)).isEqualTo(timed + 1);
    // The observation stops once the exchange completes, which may be just after the client has
    // the answer.
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        meters
                            .find("http.server.requests")
                            .tag("method", "GET")
                            .tag("uri", "/webhooks/{platform}")
                            .timer())
                    .isNotNull());
    assertThat(meters.find("http.server.requests").tag("method", "POST").timers()).isEmpty();
  }

  private double count(String name, String platform) {
    var c = meters.find(name).tag("platform", platform).counter();
    return c == null ? 0 : c.count();
  }

  private long timed(String platform) {
    var t = meters.find("studio.ingest.webhooks.duration").tag("platform", platform).timer();
    return t == null ? 0 : t.count();
  }
}
