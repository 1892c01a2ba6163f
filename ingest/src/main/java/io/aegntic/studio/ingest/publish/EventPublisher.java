package io.aegntic.studio.ingest.publish;

import io.aegntic.studio.events.DeadLetter;
import io.aegntic.studio.events.StudioEvent;
import io.netty.util.concurrent.EventExecutor;
import java.util.List;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

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

  /**
   * A publisher for callers on one Netty event loop, whose calls complete on that loop. An
   * implementation may send the calls of one turn of the loop together; this one sends each alone
   * and moves its outcome to the loop.
   */
  default EventPublisher onLoop(EventExecutor loop) {
    Scheduler answerOn = Schedulers.fromExecutor(loop);
    return (events, deadLetters) -> publish(events, deadLetters).publishOn(answerOn);
  }
}
