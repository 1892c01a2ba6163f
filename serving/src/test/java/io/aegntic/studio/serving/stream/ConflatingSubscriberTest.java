package io.aegntic.studio.serving.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.test.StepVerifier;

class ConflatingSubscriberTest {
  private static StreamEvent event(long id, String key) {
    return new StreamEvent(id, "c", StreamEvent.METRIC, key, "{\"v\":" + id + "}");
  }

  private static Flux<StreamEvent> flux(ConflatingSubscriber s) {
    return Flux.create(s::attach, FluxSink.OverflowStrategy.ERROR);
  }

  @Test
  void aLaggingClientGetsTheLatestValuePerSeries() {
    ConflatingSubscriber s = new ConflatingSubscriber(100);
    StepVerifier.create(flux(s), 0)
        .then(
            () -> {
              s.offer("a", event(1, "a"));
              s.offer("b", event(2, "b"));
              s.offer("a", event(3, "a"));
              s.offer("a", event(4, "a"));
            })
        .thenRequest(10)
        .assertNext(e -> assertThat(e.id()).isEqualTo(4))
        .assertNext(e -> assertThat(e.id()).isEqualTo(2))
        .then(() -> assertThat(s.conflated()).isEqualTo(2))
        .then(() -> s.offer("a", event(5, "a")))
        .assertNext(e -> assertThat(e.id()).isEqualTo(5))
        .thenCancel()
        .verify(Duration.ofSeconds(5));
  }

  @Test
  void pendingEventsAreBoundedDroppingTheOldest() {
    ConflatingSubscriber s = new ConflatingSubscriber(3);
    for (int i = 1; i <= 10; i++) {
      s.offer("k" + i, event(i, "k" + i));
    }
    assertThat(s.pending()).isEqualTo(3);
    StepVerifier.create(flux(s))
        .expectNextMatches(e -> e.id() == 8)
        .expectNextMatches(e -> e.id() == 9)
        .expectNextMatches(e -> e.id() == 10)
        .thenCancel()
        .verify(Duration.ofSeconds(5));
  }

  @Test
  void nothingIsEmittedWithoutDemand() {
    ConflatingSubscriber s = new ConflatingSubscriber(10);
    StepVerifier.create(flux(s), 1)
        .then(
            () -> {
              s.offer("a", event(1, "a"));
              s.offer("b", event(2, "b"));
            })
        .expectNextMatches(e -> e.id() == 1)
        .then(() -> assertThat(s.pending()).isEqualTo(1))
        .thenCancel()
        .verify(Duration.ofSeconds(5));
  }
}
