package io.aegntic.studio.ingest.publish;

import io.aegntic.studio.events.DeadLetter;
import io.aegntic.studio.events.EventJson;
import io.aegntic.studio.events.StudioEvent;
import io.aegntic.studio.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.util.concurrent.EventExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.kafka.sender.KafkaSender;
import reactor.kafka.sender.SenderRecord;

/**
 * {@link EventPublisher} over a Reactor Kafka sender (idempotent, acks=all): the records of a call
 * go to the shared producer together, and the returned Mono completes when every one is acked. The
 * sender must not stop on error ({@code stopOnError(false)}): a refused record fails its own call.
 */
final class KafkaEventPublisher implements EventPublisher, AutoCloseable {
  private final KafkaSender<String, byte[]> sender;
  private final Duration timeout;
  private final PublishMeters meters;

  KafkaEventPublisher(KafkaSender<String, byte[]> sender, Duration timeout, MeterRegistry meters) {
    this.sender = sender;
    this.timeout = timeout;
    this.meters = new PublishMeters(meters);
  }

  @Override
  public Mono<Void> publish(List<StudioEvent> batch, List<DeadLetter> letters) {
    if (batch.isEmpty() && letters.isEmpty()) {
      return Mono.empty();
    }
    return Mono.defer(
        () -> {
          long start = System.nanoTime();
          List<SenderRecord<String, byte[], Integer>> records = new ArrayList<>();
          addRecords(records, batch, letters, 0);
          return sender
              .send(Flux.fromIterable(records))
              .<Void>handle(
                  (result, sink) -> {
                    if (result.exception() != null) {
                      sink.error(result.exception());
                    }
                  })
              .then()
              // Named: a timeout describes its source by name on every subscription, and an
              // unnamed chain's name is derived with a regex (2-3 % of the benchmark's samples).
              .name("kafka-publish")
              .timeout(timeout)
              .doOnSuccess(ignored -> meters.acknowledged(start, batch.size(), letters.size()))
              .doOnError(e -> meters.failed())
              .onErrorMap(e -> !(e instanceof PublishException), PublishException::notAcknowledged);
        });
  }

  /** Calls made on {@code loop} during one turn of it go to the broker in one send. */
  @Override
  public EventPublisher onLoop(EventExecutor loop) {
    return new LoopPublisher(loop, sender, timeout, meters);
  }

  /** The records of one call (events keyed by creator, dead letters by platform), in order. */
  static <C> void addRecords(
      List<SenderRecord<String, byte[], C>> out,
      List<StudioEvent> batch,
      List<DeadLetter> letters,
      C correlation) {
    for (StudioEvent e : batch) {
      out.add(record(Topics.EVENTS, e.creatorId(), EventJson.write(e), correlation));
    }
    for (DeadLetter d : letters) {
      String key = d.platform() == null ? "unknown" : d.platform();
      out.add(record(Topics.DLQ, key, EventJson.write(d), correlation));
    }
  }

  private static <C> SenderRecord<String, byte[], C> record(
      String topic, String key, byte[] value, C correlation) {
    return SenderRecord.create(new ProducerRecord<>(topic, key, value), correlation);
  }

  @Override
  public void close() {
    sender.close();
  }
}
