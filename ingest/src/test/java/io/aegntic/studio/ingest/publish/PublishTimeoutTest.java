package io.aegntic.studio.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aegntic.studio.events.DeadLetter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
    KafkaPublisherProperties props =
        new KafkaPublisherProperties(
            "127.0.0.1:9",
            Duration.ofSeconds(30),
            Duration.ofSeconds(20),
            Duration.ofSeconds(5),
            Duration.ofMillis(5),
            Duration.ofSeconds(2),
            Duration.ofSeconds(5));
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    DeadLetter letter =
        new DeadLetter("webhook", "x", "unsupported_event", "test", Instant.now(), "e30=");
    try (KafkaEventPublisher publisher =
        new KafkaEventPublisher(
            KafkaSender.create(PublisherConfig.senderOptions(props)),
            Duration.ofMillis(300),
            meters)) {
      assertThatThrownBy(
              () -> publisher.publish(List.of(), List.of(letter)).block(Duration.ofSeconds(30)))
          .isInstanceOf(PublishException.class)
          .hasCauseInstanceOf(TimeoutException.class);
      assertThat(meters.counter("studio.ingest.publish.failures").count()).isEqualTo(1.0);
    }
  }
}
