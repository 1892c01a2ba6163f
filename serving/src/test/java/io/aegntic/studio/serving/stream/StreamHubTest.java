package io.aegntic.studio.serving.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.test.StepVerifier;

class StreamHubTest {

  private static Flux<StreamEvent> open(StreamHub hub, List<String> creators, Long lastId) {
    return Flux.create(
        sink -> {
          ConflatingSubscriber s = new ConflatingSubscriber(100);
          hub.subscribe(s, creators, lastId);
          sink.onDispose(() -> hub.unsubscribe(s, creators));
          s.attach(sink);
        },
        FluxSink.OverflowStrategy.ERROR);
  }

  @Test
  void subscribersSeeOnlyTheirCreatorsEvents() {
    StreamHub hub = new StreamHub(10);
    StepVerifier.create(open(hub, List.of("a"), null))
        .then(
            () -> {
              hub.publish("b", StreamEvent.METRIC, "m/x", "{\"who\":\"b\"}");
              hub.publish("a", StreamEvent.METRIC, "m/x", "{\"who\":\"a\"}");
            })
        .assertNext(e -> assertThat(e.creatorId()).isEqualTo("a"))
        .thenCancel()
        .verify(Duration.ofSeconds(5));
    assertThat(hub.subscribers()).isZero();
  }

  @Test
  void resumeReplaysEverythingAfterTheLastIdWithoutConflating() {
    StreamHub hub = new StreamHub(3);
    hub.publish("a", StreamEvent.METRIC, "m/x", "1");
    long seen = hub.lastId();
    hub.publish("a", StreamEvent.METRIC, "m/x", "2");
    hub.publish("a", StreamEvent.METRIC, "m/x", "3");
    hub.publish("b", StreamEvent.METRIC, "m/x", "other");
    StepVerifier.create(open(hub, List.of("a"), seen).map(StreamEvent::data))
        .expectNext("2", "3")
        .thenCancel()
        .verify(Duration.ofSeconds(5));
  }

  @Test
  void theReplayBufferIsBounded() {
    StreamHub hub = new StreamHub(2);
    for (int i = 1; i <= 5; i++) {
      hub.publish("a", StreamEvent.METRIC, "m/" + i, Integer.toString(i));
    }
    StepVerifier.create(open(hub, List.of("a"), 0L).map(StreamEvent::data))
        .expectNext("4", "5")
        .thenCancel()
        .verify(Duration.ofSeconds(5));
  }

  @Test
  void alertsGoToTheCreatorsStream() {
    StreamHub hub = new StreamHub(10);
    StepVerifier.create(open(hub, List.of("a"), null))
        .then(
            () ->
                hub.publish(
                    new Alert("t-1", "a", "critical", "Spike", "msg", "r1", null, Map.of("v", 1))))
        .assertNext(
            e -> {
              assertThat(e.name()).isEqualTo("alert");
              assertThat(e.data()).contains("\"ruleId\":\"r1\"").contains("Spike");
            })
        .thenCancel()
        .verify(Duration.ofSeconds(5));
  }

  @Test
  void closeAllEndsEveryOpenStreamSoShutdownNeedNotWaitForThem() {
    StreamHub hub = new StreamHub(10);
    Flux<String> first = open(hub, List.of("a"), null).map(StreamEvent::data);
    Flux<String> second = open(hub, List.of("a", "b"), null).map(StreamEvent::data);
    StepVerifier.create(Flux.merge(first, second))
        .then(() -> hub.publish("a", StreamEvent.METRIC, "m/x", "1"))
        .expectNext("1", "1")
        .then(hub::closeAll)
        .verifyComplete();
    assertThat(hub.subscribers()).isZero();
  }

  @Test
  void everyStreamSharesTheOneFrameBuiltPerEvent() {
    StreamHub hub = new StreamHub(10);
    List<StreamEvent> got = new java.util.ArrayList<>();
    StepVerifier.create(Flux.merge(open(hub, List.of("a"), null), open(hub, List.of("a"), null)))
        .then(() -> hub.publish("a", StreamEvent.METRIC, "m/x", "{\"v\":1}"))
        .consumeNextWith(got::add)
        .consumeNextWith(got::add)
        .thenCancel()
        .verify(Duration.ofSeconds(5));
    assertThat(got.get(0).frame()).isSameAs(got.get(1).frame());
    assertThat(got.get(0).frame().event()).isEqualTo("metric");
    assertThat(got.get(0).frame().id()).isEqualTo(Long.toString(got.get(0).id()));
    assertThat(got.get(0).frame().data()).isEqualTo("{\"v\":1}");
  }
}
