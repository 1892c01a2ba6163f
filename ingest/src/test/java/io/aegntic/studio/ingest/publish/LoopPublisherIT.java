package io.aegntic.studio.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.aegntic.studio.events.StudioEvent;
import io.aegntic.studio.events.Topics;
import io.aegntic.studio.infra.test.StudioStackExtension;
import io.aegntic.studio.ingest.EventsTopic;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.DefaultEventLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reactivestreams.Publisher;
import reactor.kafka.sender.KafkaSender;
import reactor.kafka.sender.SenderRecord;
import reactor.kafka.sender.SenderResult;

/**
 * An event loop's publisher against the real broker: the calls made in one turn of the loop go in
 * one send, each completes on the loop once its own records are acknowledged, and a record the
 * broker refuses fails its own call only.
 */
@ExtendWith(StudioStackExtension.class)
class LoopPublisherIT {
  private final String creator = "creator-loop-" + UUID.randomUUID();
  private final Comments comments = new Comments(creator);
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final DefaultEventLoop loop = new DefaultEventLoop();
  private final AtomicInteger sends = new AtomicInteger();

  @AfterEach
  void stopLoop() {
    loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  @Test
  void theCallsOfOneTurnGoInOneSendAndCompleteOnTheLoop() throws Exception {
    try (KafkaEventPublisher publisher = publisher()) {
      EventPublisher onLoop = publisher.onLoop(loop);
      Map<Integer, Thread> completedOn = new ConcurrentHashMap<>();
      List<CompletableFuture<Void>> done = new ArrayList<>();
      List<StudioEvent> sent = new ArrayList<>();
      // One task on the loop makes 20 calls: one turn.
      loop.submit(
              () -> {
                for (int i = 0; i < 20; i++) {
                  int call = i;
                  List<StudioEvent> events = new ArrayList<>();
                  for (int j = 0; j <= i % 3; j++) {
                    events.add(comment(i + "-" + j, "text"));
                  }
                  sent.addAll(events);
                  CompletableFuture<Void> f = new CompletableFuture<>();
                  done.add(f);
                  onLoop
                      .publish(events)
                      .doOnSuccess(v -> completedOn.put(call, Thread.currentThread()))
                      .subscribe(v -> {}, f::completeExceptionally, () -> f.complete(null));
                }
              })
          .get(10, TimeUnit.SECONDS);
      CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

      assertThat(sends).hasValue(1);
      assertThat(completedOn).hasSize(20);
      assertThat(completedOn.values()).allMatch(t -> loop.inEventLoop(t));
      assertThat(EventsTopic.of(creator).stream().map(StudioEvent::eventId))
          .containsExactlyInAnyOrderElementsOf(sent.stream().map(StudioEvent::eventId).toList());
      assertThat(meters.counter("studio.ingest.published", "topic", Topics.EVENTS).count())
          .isEqualTo(sent.size());
      assertThat(meters.timer("studio.ingest.publish.latency").count()).isEqualTo(20);
    }
  }

  @Test
  void aRefusedRecordFailsOnlyItsOwnCallOfTheTurn() throws Exception {
    try (KafkaEventPublisher publisher = publisher()) {
      EventPublisher onLoop = publisher.onLoop(loop);
      CompletableFuture<Void> before = new CompletableFuture<>();
      CompletableFuture<Void> huge = new CompletableFuture<>();
      CompletableFuture<Void> after = new CompletableFuture<>();
      loop.submit(
              () -> {
                call(onLoop, List.of(comment("before", "small")), before);
                // Over the producer's max.request.size (1 MiB): refused before the broker.
                call(
                    onLoop,
                    List.of(comment("with-huge", "small"), comment("huge", "x".repeat(2 << 20))),
                    huge);
                call(onLoop, List.of(comment("after", "small")), after);
              })
          .get(10, TimeUnit.SECONDS);

      before.get(30, TimeUnit.SECONDS);
      after.get(30, TimeUnit.SECONDS);
      assertThat(huge)
          .failsWithin(Duration.ofSeconds(30))
          .withThrowableOfType(java.util.concurrent.ExecutionException.class)
          .havingCause()
          .isInstanceOf(PublishException.class)
          .withCauseInstanceOf(RecordTooLargeException.class);
      assertThat(sends).hasValue(1);
      assertThat(EventsTopic.of(creator).stream().map(StudioEvent::eventId))
          .contains(id("before"), id("after"))
          .doesNotContain(id("huge"));
      assertThat(meters.counter("studio.ingest.publish.failures").count()).isEqualTo(1.0);
    }
  }

  private static void call(
      EventPublisher publisher, List<StudioEvent> events, CompletableFuture<Void> done) {
    publisher
        .publish(events)
        .subscribe(v -> {}, done::completeExceptionally, () -> done.complete(null));
  }

  /** The real sender, its sends counted. */
  private KafkaEventPublisher publisher() {
    KafkaSender<String, byte[]> real =
        KafkaSender.create(
            PublisherConfig.senderOptions(
                PublisherSettings.defaults(StudioStackExtension.endpoints().kafkaBootstrap())));
    return new KafkaEventPublisher(new CountingSender(real, sends), Duration.ofSeconds(10), meters);
  }

  private StudioEvent comment(String n, String text) {
    return comments.comment(n, text);
  }

  private String id(String n) {
    return comments.id(n);
  }

  /** Delegates to the real sender and counts its {@code send} calls. */
  private record CountingSender(KafkaSender<String, byte[]> real, AtomicInteger sends)
      implements KafkaSender<String, byte[]> {
    @Override
    public <T> reactor.core.publisher.Flux<SenderResult<T>> send(
        Publisher<? extends SenderRecord<String, byte[], T>> records) {
      sends.incrementAndGet();
      return real.send(records);
    }

    @Override
    public <T>
        reactor.core.publisher.Flux<reactor.core.publisher.Flux<SenderResult<T>>>
            sendTransactionally(
                Publisher<? extends Publisher<? extends SenderRecord<String, byte[], T>>> records) {
      return real.sendTransactionally(records);
    }

    @Override
    public reactor.kafka.sender.TransactionManager transactionManager() {
      return real.transactionManager();
    }

    @Override
    public reactor.kafka.sender.KafkaOutbound<String, byte[]> createOutbound() {
      return real.createOutbound();
    }

    @Override
    public <T> reactor.core.publisher.Mono<T> doOnProducer(
        java.util.function.Function<
                org.apache.kafka.clients.producer.Producer<String, byte[]>, ? extends T>
            f) {
      return real.doOnProducer(f);
    }

    @Override
    public void close() {
      real.close();
    }
  }
}
