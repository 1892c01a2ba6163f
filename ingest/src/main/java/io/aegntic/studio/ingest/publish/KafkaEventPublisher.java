package io.aegntic.studio.ingest.publish;

import io.aegntic.studio.events.DeadLetter;
import io.aegntic.studio.events.EventJson;
import io.aegntic.studio.events.StudioEvent;
import io.aegntic.studio.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * {@link EventPublisher} over one shared Kafka producer (idempotent, acks=all): the records of a
 * call are handed to the producer together (so they travel in the same batches) and the returned
 * Mono completes when the last acknowledgement arrives. Plain callbacks instead of Reactor Kafka's
 * per-call Flux pipeline: the ingest benchmark's profile showed that pipeline's per-request
 * allocations (a 1024-slot publishOn queue per send) on the producer's network thread.
 */
final class KafkaEventPublisher implements EventPublisher, AutoCloseable {
  private final Producer<String, byte[]> producer;
  private final Duration timeout;
  private final Timer latency;
  private final Counter events;
  private final Counter deadLetters;
  private final Counter failures;

  /**
   * @param timeout a bound above the producer's own delivery timeout, which already guarantees a
   *     callback for every record; this one only guards against a stuck client
   */
  KafkaEventPublisher(Producer<String, byte[]> producer, Duration timeout, MeterRegistry meters) {
    this.producer = producer;
    this.timeout = timeout;
    this.latency = Timer.builder("studio.ingest.publish.latency").register(meters);
    this.events = topicCounter(meters, "studio.ingest.published", Topics.EVENTS);
    this.deadLetters = topicCounter(meters, "studio.ingest.published", Topics.DLQ);
    this.failures = Counter.builder("studio.ingest.publish.failures").register(meters);
  }

  @Override
  public Mono<Void> publish(List<StudioEvent> batch, List<DeadLetter> letters) {
    if (batch.isEmpty() && letters.isEmpty()) {
      return Mono.empty();
    }
    return Mono.<Void>create(sink -> send(batch, letters, sink))
        .timeout(timeout)
        .onErrorMap(
            e -> !(e instanceof PublishException),
            e -> new PublishException("broker did not acknowledge every record", e));
  }

  private void send(List<StudioEvent> batch, List<DeadLetter> letters, MonoSink<Void> sink) {
    long start = System.nanoTime();
    Acks acks = new Acks(batch.size() + letters.size(), sink, start, batch.size(), letters.size());
    try {
      for (StudioEvent e : batch) {
        producer.send(new ProducerRecord<>(Topics.EVENTS, e.creatorId(), EventJson.write(e)), acks);
      }
      for (DeadLetter d : letters) {
        String key = d.platform() == null ? "unknown" : d.platform();
        producer.send(new ProducerRecord<>(Topics.DLQ, key, EventJson.write(d)), acks);
      }
    } catch (RuntimeException e) {
      // send() itself failed (no metadata or buffer space within max.block.ms): records already
      // handed over still complete, but this call has failed.
      acks.fail(e);
    }
  }

  /**
   * Counts the acknowledgements of one call; the first failure fails it, the last ack completes.
   */
  private final class Acks implements Callback {
    private final AtomicInteger left;
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final MonoSink<Void> sink;
    private final long start;
    private final int eventCount;
    private final int letterCount;

    Acks(int records, MonoSink<Void> sink, long start, int eventCount, int letterCount) {
      this.left = new AtomicInteger(records);
      this.sink = sink;
      this.start = start;
      this.eventCount = eventCount;
      this.letterCount = letterCount;
    }

    @Override
    public void onCompletion(org.apache.kafka.clients.producer.RecordMetadata m, Exception e) {
      if (e != null) {
        fail(e);
      }
      if (left.decrementAndGet() == 0 && failure.get() == null) {
        latency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        events.increment(eventCount);
        deadLetters.increment(letterCount);
        sink.success();
      }
    }

    void fail(Exception e) {
      if (failure.compareAndSet(null, e)) {
        failures.increment();
        sink.error(new PublishException("broker did not acknowledge every record", e));
      }
    }
  }

  private static Counter topicCounter(MeterRegistry meters, String name, String topic) {
    return Counter.builder(name).tag("topic", topic).register(meters);
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
