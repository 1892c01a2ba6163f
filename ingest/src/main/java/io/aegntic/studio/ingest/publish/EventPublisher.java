package io.aegntic.studio.ingest.publish;

import io.aegntic.studio.events.DeadLetter;
import io.aegntic.studio.events.StudioEvent;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Durable publication of studio events (key = creatorId) and dead letters (key = platform). Used by
 * the webhook receivers and, later, the pollers; the only place that knows about the Kafka client.
 */
public interface EventPublisher {

  /**
   * Completes only after the broker acknowledged every record; fails with {@link PublishException}
   * if any record was not acknowledged in time (the caller must then not acknowledge its input: a
   * retry is safe because event ids are deterministic).
   */
  Mono<Void> publish(List<StudioEvent> events, List<DeadLetter> deadLetters);

  default Mono<Void> publish(List<StudioEvent> events) {
    return publish(events, List.of());
  }
}
