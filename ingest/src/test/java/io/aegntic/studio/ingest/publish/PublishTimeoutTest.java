package io.aegntic.studio.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aegntic.studio.events.DeadLetter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.DefaultEventLoop;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.kafka.sender.KafkaSender;

/**
 * With no broker to answer (nothing listens on port 9), a call fails with {@link PublishException}
 * once the publisher's own timeout passes, well before the producer would give up (max.block 5 s
 * here): the publisher's guard, not the producer, ends it; on its own timer thread, or on the
 * caller's event loop when the call names one (the webhooks).
 */
class PublishTimeoutTest {

  private static final KafkaPublisherProperties PROPS =
      new KafkaPublisherProperties(
          "127.0.0.1:9",
          Duration.ofSeconds(30),
          Duration.ofSeconds(20),
          Duration.ofSeconds(5),
          Duration.ofMillis(5),
          Duration.ofSeconds(2),
          Duration.ofSeconds(5));
  private static final DeadLetter LETTER =
      new DeadLetter("webhook", "x", "unsupported_event", "test", Instant.now(), "e30=");

  @Test
  void aCallWithoutAcknowledgementFailsAtThePublishersTimeout() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    try (KafkaEventPublisher publisher = publisher(meters)) {
      assertThatThrownBy(
              () -> publisher.publish(List.of(), List.of(LETTER)).block(Duration.ofSeconds(30)))
          .isInstanceOf(PublishException.class)
          .hasCauseInstanceOf(TimeoutException.class);
      assertThat(meters.counter("studio.ingest.publish.failures").count()).isEqualTo(1.0);
    }
  }

  @Test
  void aCallOnAnEventLoopFailsAtThePublishersTimeoutOnThatLoop() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    DefaultEventLoop loop = new DefaultEventLoop();
    AtomicReference<Thread> failedOn = new AtomicReference<>();
    try (KafkaEventPublisher publisher = publisher(meters)) {
      assertThatThrownBy(
              () ->
                  publisher
                      .publish(List.of(), List.of(LETTER), loop)
                      .doOnError(e -> failedOn.set(Thread.currentThread()))
                      .block(Duration.ofSeconds(30)))
          .isInstanceOf(PublishException.class)
          .hasCauseInstanceOf(TimeoutException.class);
      assertThat(loop.inEventLoop(failedOn.get())).isTrue();
      assertThat(meters.counter("studio.ingest.publish.failures").count()).isEqualTo(1.0);
    } finally {
      loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
  }

  private static KafkaEventPublisher publisher(SimpleMeterRegistry meters) {
    return new KafkaEventPublisher(
        KafkaSender.create(PublisherConfig.senderOptions(PROPS)), Duration.ofMillis(300), meters);
  }
}
