package io.aegntic.studio.ingest.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.aegntic.studio.events.DeadLetter;
import io.aegntic.studio.events.DemoCreators;
import io.aegntic.studio.events.EventPayload;
import io.aegntic.studio.events.EventType;
import io.aegntic.studio.events.Platform;
import io.aegntic.studio.events.StudioEvent;
import io.aegntic.studio.ingest.webhook.Normalised;
import io.aegntic.studio.ingest.webhook.PlatformWebhook;
import io.aegntic.studio.ingest.webhook.TestSetup;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/**
 * Everything the simulator sends is signed so that ingest's receivers accept it and maps to events
 * without dead letters, covering every platform, event type and comment sentiment.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "studio.ingest.kafka.bootstrap=127.0.0.1:9")
@AutoConfigureWebTestClient(timeout = "30s")
@TestPropertySource(locations = TestSetup.SPRING_PROPERTIES)
class SimulatorRoundTripTest {
  @Autowired List<PlatformWebhook> webhooks;

  @Test
  void everySimulatedDeliveryVerifiesAndMapsCleanly() {
    Map<String, PlatformWebhook> byName =
        webhooks.stream().collect(Collectors.toMap(PlatformWebhook::name, Function.identity()));
    DemoActivity activity = new DemoActivity(DemoCreators.ALL, 42);
    WebhookSigner signer = new WebhookSigner(TestSetup.SIMULATOR_SECRETS);
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    List<StudioEvent> events = new ArrayList<>();
    List<DeadLetter> dead = new ArrayList<>();
    boolean burst = false;
    for (int i = 0; i < 4000; i++) {
      now = now.plusMillis(200);
      Draft draft = activity.next(now);
      burst |= activity.burstFactor(now) > 1;
      PlatformWebhook webhook = byName.get(draft.platform());
      assertThat(webhook.accepts(MediaType.parseMediaType(draft.contentType()))).isTrue();
      HttpHeaders headers = new HttpHeaders();
      signer.sign(draft, now).forEach(headers::add);
      webhook.verify(headers, draft.body(), now);
      Normalised n = webhook.normalise(draft.body(), now);
      assertThat(n.events()).isNotEmpty().allMatch(e -> e.creatorId().equals(draft.creatorId()));
      events.addAll(n.events());
      dead.addAll(n.deadLetters());
    }
    assertThat(dead).isEmpty();
    assertThat(burst).as("a viral burst happened").isTrue();
    assertThat(events.stream().map(StudioEvent::eventId).distinct().count())
        .isEqualTo(events.size());
    assertThat(events.stream().map(StudioEvent::platform).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(Platform.values());
    Set<EventType> types = events.stream().map(StudioEvent::type).collect(Collectors.toSet());
    assertThat(types)
        .containsAll(
            EnumSet.complementOf(
                EnumSet.of(
                    EventType.SAVE,
                    EventType.VIEW,
                    EventType.CONTENT_SNAPSHOT,
                    EventType.AUDIENCE_SNAPSHOT)));
    Set<String> comments = new HashSet<>();
    events.stream()
        .filter(e -> e.payload() instanceof EventPayload.Comment)
        .forEach(e -> comments.add(((EventPayload.Comment) e.payload()).text()));
    for (List<String> sentiment :
        List.of(SampleTexts.POSITIVE, SampleTexts.NEUTRAL, SampleTexts.NEGATIVE)) {
      assertThat(comments.stream().anyMatch(c -> sentiment.stream().anyMatch(c::contains)))
          .isTrue();
    }
  }
}
