package io.aegntic.studio.serving.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.aegntic.studio.events.EventJson;
import io.aegntic.studio.events.MetricUpdate;
import io.aegntic.studio.serving.ServingItSupport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class StreamIT extends ServingItSupport {
  /** A guard against hangs, not a timing assertion. */
  private static final Duration GUARD = Duration.ofSeconds(60);

  private static Metrics metrics;

  @Autowired MetricsFeed feed;
  @Autowired AlertBus alerts;

  @BeforeAll
  static void producer() {
    metrics = new Metrics();
  }

  @AfterAll
  static void close() {
    metrics.close();
  }

  @BeforeEach
  void consumerReady() {
    Awaitility.await().atMost(GUARD).until(feed::assigned);
  }

  private Flux<ServerSentEvent<String>> open(String token, String lastEventId) {
    return client
        .get()
        .uri("/api/stream")
        .header("Authorization", "Bearer " + token)
        .headers(
            h -> {
              if (lastEventId != null) h.set("Last-Event-ID", lastEventId);
            })
        .accept(MediaType.TEXT_EVENT_STREAM)
        .exchange()
        .expectStatus()
        .isOk()
        .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {})
        .getResponseBody();
  }

  /** Only data events: the hello and heartbeat comment frames are dropped. */
  private static Flux<ServerSentEvent<String>> events(Flux<ServerSentEvent<String>> frames) {
    return frames.filter(e -> e.event() != null);
  }

  private static MetricUpdate metric(ServerSentEvent<String> e) {
    return EventJson.read(e.data(), MetricUpdate.class);
  }

  @Test
  void ownersStreamGetsItsMetricsAndNeverAnotherCreators() {
    Map<String, Object> alice = register();
    Map<String, Object> bob = register();
    String aliceCreator = creatorOf(alice);
    String bobCreator = creatorOf(bob);
    Flux<ServerSentEvent<String>> aliceStream = open(accessToken(alice), null);
    Flux<ServerSentEvent<String>> bobStream = open(accessToken(bob), null);

    metrics.sendAndFlush(Metrics.update(aliceCreator, "post-a", 7, Map.of()));
    StepVerifier.create(events(aliceStream))
        .assertNext(
            e -> {
              assertThat(e.event()).isEqualTo("metric");
              assertThat(e.id()).matches("[0-9]+");
              assertThat(metric(e).creatorId()).isEqualTo(aliceCreator);
              assertThat(metric(e).subject()).isEqualTo("post-a");
              assertThat(metric(e).value("likes")).isEqualTo(7.0);
            })
        .thenCancel()
        .verify(GUARD);

    // Alice's update has been fanned out; Bob's stream, open all along, must start with his own.
    metrics.sendAndFlush(Metrics.update(bobCreator, "post-b", 1, Map.of()));
    StepVerifier.create(events(bobStream))
        .assertNext(e -> assertThat(metric(e).creatorId()).isEqualTo(bobCreator))
        .thenCancel()
        .verify(GUARD);
  }

  @Test
  void alertsArriveOnTheSameStream() {
    Map<String, Object> alice = register();
    Flux<ServerSentEvent<String>> stream = open(accessToken(alice), null);
    alerts.publish(
        new Alert(
            "alert-1",
            creatorOf(alice),
            "warning",
            "Negative comments",
            "30% negative",
            null,
            null,
            null));
    StepVerifier.create(events(stream))
        .assertNext(
            e -> {
              assertThat(e.event()).isEqualTo("alert");
              assertThat(e.data()).contains("Negative comments").contains("alert-1");
            })
        .thenCancel()
        .verify(GUARD);
  }

  @Test
  void reconnectWithLastEventIdGetsWhatItMissed() {
    Map<String, Object> alice = register();
    String creator = creatorOf(alice);
    String token = accessToken(alice);
    Flux<ServerSentEvent<String>> watcher = events(open(token, null)).cache();
    reactor.core.Disposable watching = watcher.subscribe();

    Flux<ServerSentEvent<String>> first = open(token, null);
    metrics.sendAndFlush(Metrics.update(creator, "seen", 1, Map.of()));
    String[] lastId = new String[1];
    StepVerifier.create(events(first))
        .assertNext(e -> lastId[0] = e.id())
        .thenCancel()
        .verify(GUARD);

    // Two updates while disconnected (the watcher shows the server has them).
    metrics.send(Metrics.update(creator, "missed-1", 2, Map.of()));
    metrics.sendAndFlush(Metrics.update(creator, "missed-2", 3, Map.of()));
    StepVerifier.create(watcher.map(e -> metric(e).subject()))
        .expectNext("seen", "missed-1", "missed-2")
        .thenCancel()
        .verify(GUARD);

    StepVerifier.create(events(open(token, lastId[0])).map(e -> metric(e).subject()))
        .expectNext("missed-1", "missed-2")
        .thenCancel()
        .verify(GUARD);
    watching.dispose();
  }

  @Test
  void aStalledClientDoesNotHoldUpAnotherOne() {
    Map<String, Object> alice = register();
    String creator = creatorOf(alice);
    String token = accessToken(alice);
    List<ServerSentEvent<String>> stalledGot = new CopyOnWriteArrayList<>();
    BaseSubscriber<ServerSentEvent<String>> stalled =
        new BaseSubscriber<>() {
          @Override
          protected void hookOnSubscribe(Subscription subscription) {
            request(1); // the hello frame, then nothing: this client stops reading
          }

          @Override
          protected void hookOnNext(ServerSentEvent<String> value) {
            stalledGot.add(value);
          }
        };
    open(token, null).subscribe(stalled);
    Flux<ServerSentEvent<String>> healthy = events(open(token, null));

    // Several MB: more than the socket buffers, so the stalled connection backs up on the server.
    String padding = "x".repeat(2000);
    for (int i = 0; i < 2000; i++) {
      metrics.send(Metrics.update(creator, "post-" + (i % 50), i, Map.of("pad", padding)));
    }
    metrics.sendAndFlush(Metrics.update(creator, "marker", 1, Map.of()));
    StepVerifier.create(healthy.map(e -> metric(e).subject()))
        .thenConsumeWhile(s -> !s.equals("marker"))
        .expectNext("marker")
        .thenCancel()
        .verify(GUARD);

    // When the stalled client reads again it gets the latest value of every series, marker too.
    stalled.request(Long.MAX_VALUE);
    Awaitility.await()
        .atMost(GUARD)
        .until(
            () ->
                stalledGot.stream()
                    .anyMatch(e -> e.data() != null && e.data().contains("\"marker\"")));
    stalled.dispose();
  }

  @Test
  void streamTicketInTheQueryStringIsAccepted() {
    Map<String, Object> alice = register();
    @SuppressWarnings("unchecked")
    Map<String, Object> ticket =
        client
            .post()
            .uri("/api/auth/stream-token")
            .header("Authorization", "Bearer " + accessToken(alice))
            .exchange()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    Flux<ServerSentEvent<String>> stream =
        client
            .get()
            .uri("/api/stream?access_token=" + ticket.get("streamToken"))
            .accept(MediaType.TEXT_EVENT_STREAM)
            .exchange()
            .expectStatus()
            .isOk()
            .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {})
            .getResponseBody();
    StepVerifier.create(stream)
        .assertNext(e -> assertThat(e.comment()).isEqualTo("connected"))
        .thenCancel()
        .verify(GUARD);
  }
}
