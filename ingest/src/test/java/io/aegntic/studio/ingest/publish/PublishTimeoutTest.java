package io.aegntic.studio.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aegntic.studio.events.DeadLetter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.DefaultEventLoop;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import reactor.kafka.sender.KafkaSender;

/**
 * With no broker to answer (nothing listens on port 9), a call fails with {@link PublishException}
 * once the publisher's own timeout passes, well before the producer would give up (max.block 5 s
 * here): the publisher's own timeout, not the producer, ends it.
 */
class PublishTimeoutTest {

  @Test
  void aCallWithoutAcknowledgementFailsAtThePublishersTimeout() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    try (KafkaEventPublisher publisher = unanswered(meters)) {
      assertThatThrownBy(
              () -> publisher.publish(List.of(), List.of(letter())).block(Duration.ofSeconds(30)))
          .isInstanceOf(PublishException.class)
          .hasCauseInstanceOf(TimeoutException.class);
      assertThat(meters.counter("studio.ingest.publish.failures").count()).isEqualTo(1.0);
    }
  }

  /** On an event loop, the turn's one timer fails every call of the turn, on the loop. */
  @Test
  void theCallsOfAnUnansweredTurnFailOnTheLoopAtThePublishersTimeout() throws Exception {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    DefaultEventLoop loop = new DefaultEventLoop();
    try (KafkaEventPublisher publisher = unanswered(meters)) {
      EventPublisher onLoop = publisher.onLoop(loop);
      List<CompletableFuture<Thread>> failedOn = new ArrayList<>();
      long start = System.nanoTime();
      loop.submit(
              () -> {
                for (int i = 0; i < 3; i++) {
                  CompletableFuture<Thread> f = new CompletableFuture<>();
                  failedOn.add(f);
                  onLoop
                      .publish(List.of(), List.of(letter()))
                      .subscribe(
                          v -> {},
                          e ->
                              f.complete(
                                  e instanceof PublishException
                                          && e.getCause() instanceof TimeoutException
                                      ? Thread.currentThread()
                                      : null),
                          () -> f.complete(null));
                }
              })
          .get(10, TimeUnit.SECONDS);
      for (CompletableFuture<Thread> f : failedOn) {
        assertThat(f.get(30, TimeUnit.SECONDS)).matches(loop::inEventLoop);
      }
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
      assertThat(meters.counter("studio.ingest.publish.failures").count()).isEqualTo(3.0);
    } finally {
      loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }

  private static DeadLetter letter() {
    return new DeadLetter("webhook", "x", "unsupported_event", "test", Instant.now(), "e30=");
  }

  /** A publisher with a 300 ms timeout and no broker to answer it. */
  private static KafkaEventPublisher unanswered(SimpleMeterRegistry meters) {
    KafkaPublisherProperties props =
        PublisherSettings.with(
            "127.0.0.1:9",
            Map.of("delivery-timeout", "30s", "request-timeout", "20s", "max-block", "5s"));
    return new KafkaEventPublisher(
        KafkaSender.create(PublisherConfig.senderOptions(props)), Duration.ofMillis(300), meters);
  }
}
