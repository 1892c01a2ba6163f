package io.aegntic.studio.ingest.publish;

import io.aegntic.studio.events.DeadLetter;
import io.aegntic.studio.events.StudioEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.util.concurrent.DefaultEventExecutor;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Mono;
import reactor.kafka.sender.KafkaSender;

/**
 * {@link EventPublisher} over a Reactor Kafka sender (idempotent, acks=all): a call completes when
 * every one of its records is acked. Calls go to the broker in {@link Turn}s: a Netty event loop's
 * calls through its {@link #onLoop} publisher, everyone else's (the pollers) through one of the
 * publisher's own, on a thread of its own. The sender must not stop on error ({@code
 * stopOnError(false)}): a refused record fails its own call only.
 */
final class KafkaEventPublisher implements EventPublisher, AutoCloseable {
  private final KafkaSender<String, byte[]> sender;
  private final Duration timeout;
  private final PublishMeters meters;
  private final EventExecutor offLoop =
      new DefaultEventExecutor(new DefaultThreadFactory("kafka-publish", true));
  private final EventPublisher offLoopPublisher;

  KafkaEventPublisher(KafkaSender<String, byte[]> sender, Duration timeout, MeterRegistry meters) {
    this.sender = sender;
    this.timeout = timeout;
    this.meters = new PublishMeters(meters);
    this.offLoopPublisher = onLoop(offLoop);
  }

  @Override
  public Mono<Void> publish(List<StudioEvent> events, List<DeadLetter> deadLetters) {
    return offLoopPublisher.publish(events, deadLetters);
  }

  /** Calls made on {@code loop} during one turn of it go to the broker in one send. */
  @Override
  public EventPublisher onLoop(EventExecutor loop) {
    return new LoopPublisher(loop, sender, timeout, meters);
  }

  @Override
  public void close() {
    sender.close();
    offLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
  }
}
