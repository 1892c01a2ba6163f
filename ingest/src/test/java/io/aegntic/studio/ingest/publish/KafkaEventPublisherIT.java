package io.aegntic.studio.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aegntic.studio.events.StudioEvent;
import io.aegntic.studio.events.Topics;
import io.aegntic.studio.infra.test.StudioStackExtension;
import io.aegntic.studio.ingest.EventsTopic;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The publisher against the real broker, called off any event loop (as the pollers call it): calls
 * from many threads at once each complete with all their records in Kafka, and a record the broker
 * refuses fails its own call only, the calls after it going on.
 */
@ExtendWith(StudioStackExtension.class)
class KafkaEventPublisherIT {
  private final String creator = "creator-pub-" + UUID.randomUUID();
  private final Comments comments = new Comments(creator);
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  @Test
  void concurrentCallsCompleteWithEveryRecordInKafka() {
    try (KafkaEventPublisher publisher = publisher()) {
      List<List<StudioEvent>> calls = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        List<StudioEvent> call = new ArrayList<>();
        for (int j = 0; j <= i % 3; j++) {
          call.add(comment(i + "-" + j, "text " + i));
        }
        calls.add(call);
      }
      Flux.fromIterable(calls)
          .flatMap(c -> publisher.publish(c).subscribeOn(Schedulers.parallel()), 64)
          .blockLast(Duration.ofSeconds(60));

      Map<String, String> sent = new HashMap<>();
      calls.forEach(c -> c.forEach(e -> sent.put(e.eventId(), e.creatorId())));
      assertThat(ours()).containsExactlyInAnyOrderEntriesOf(sent);
      assertThat(meters.counter("studio.ingest.published", "topic", Topics.EVENTS).count())
          .isEqualTo(600.0);
      assertThat(meters.timer("studio.ingest.publish.latency").count()).isEqualTo(300);
    }
  }

  @Test
  void aRefusedRecordFailsItsCallOnlyAndTheStreamGoesOn() {
    try (KafkaEventPublisher publisher = publisher()) {
      publisher.publish(List.of(comment("before", "small"))).block(Duration.ofSeconds(30));
      // Over the producer's max.request.size (1 MiB): refused before it reaches the broker.
      StudioEvent huge = comment("huge", "x".repeat(2 * 1024 * 1024));
      assertThatThrownBy(
              () ->
                  publisher
                      .publish(List.of(comment("with-huge", "small"), huge))
                      .block(Duration.ofSeconds(30)))
          .isInstanceOf(PublishException.class)
          .hasCauseInstanceOf(RecordTooLargeException.class);
      Mono.when(
              publisher.publish(List.of(comment("after-1", "small"))),
              publisher.publish(List.of(comment("after-2", "small"))))
          .block(Duration.ofSeconds(30));

      assertThat(ours().keySet())
          .contains(id("before"), id("after-1"), id("after-2"))
          .doesNotContain(id("huge"));
      assertThat(meters.counter("studio.ingest.publish.failures").count()).isEqualTo(1.0);
    }
  }

  private KafkaEventPublisher publisher() {
    return new PublisherConfig()
        .eventPublisher(
            PublisherSettings.defaults(StudioStackExtension.endpoints().kafkaBootstrap()), meters);
  }

  private StudioEvent comment(String n, String text) {
    return comments.comment(n, text);
  }

  private String id(String n) {
    return comments.id(n);
  }

  /** eventId -> creator of this test's records on the events topic (keyed by that creator). */
  private Map<String, String> ours() {
    Map<String, String> out = new HashMap<>();
    EventsTopic.of(creator).forEach(e -> out.put(e.eventId(), e.creatorId()));
    return out;
  }
}
