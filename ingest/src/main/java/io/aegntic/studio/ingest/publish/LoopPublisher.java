package io.aegntic.studio.ingest.publish;

import io.aegntic.studio.events.DeadLetter;
import io.aegntic.studio.events.StudioEvent;
import io.netty.util.concurrent.EventExecutor;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.kafka.sender.KafkaSender;

/**
 * The publisher of one Netty event loop: the calls made during one turn of the loop (every request
 * whose body arrived in that turn) go to the broker in one {@link Turn}, so a turn costs one
 * Reactor Kafka pipeline, one hop to its sender thread, one timer and one hop back, not one of each
 * per call (the ingest benchmark's profile, docs/performance.md). Every call completes on the loop.
 */
final class LoopPublisher implements EventPublisher {
  private final EventExecutor loop;
  private final KafkaSender<String, byte[]> sender;
  private final Duration timeout;
  private final PublishMeters meters;

  /** The turn collecting calls, sent once the loop has handled this turn's I/O; loop only. */
  private Turn open;

  LoopPublisher(
      EventExecutor loop,
      KafkaSender<String, byte[]> sender,
      Duration timeout,
      PublishMeters meters) {
    this.loop = loop;
    this.sender = sender;
    this.timeout = timeout;
    this.meters = meters;
  }

  @Override
  public Mono<Void> publish(List<StudioEvent> events, List<DeadLetter> deadLetters) {
    if (events.isEmpty() && deadLetters.isEmpty()) {
      return Mono.empty();
    }
    return Mono.create(
        sink -> {
          if (loop.inEventLoop()) {
            add(sink, events, deadLetters);
          } else {
            loop.execute(() -> add(sink, events, deadLetters));
          }
        });
  }

  private void add(MonoSink<Void> sink, List<StudioEvent> events, List<DeadLetter> deadLetters) {
    try {
      Turn turn = open;
      if (turn == null) {
        turn = new Turn(loop, meters);
        open = turn;
        // Tasks run after the loop has handled all I/O that was ready: the turn's other calls.
        loop.execute(this::flush);
      }
      turn.add(sink, events, deadLetters);
      if (turn.records() >= PublisherConfig.SEND_PREFETCH) {
        // Within one send's prefetch: a larger send would wait for acknowledgements to go on.
        flush();
      }
    } catch (RuntimeException e) {
      sink.error(e);
    }
  }

  private void flush() {
    Turn turn = open;
    if (turn != null) {
      open = null;
      turn.send(sender, timeout);
    }
  }
}
