package io.aegntic.studio.ingest.publish;

import io.aegntic.studio.events.DeadLetter;
import io.aegntic.studio.events.EventJson;
import io.aegntic.studio.events.StudioEvent;
import io.aegntic.studio.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.kafka.sender.KafkaSender;
import reactor.kafka.sender.SenderRecord;

/**
 * {@link EventPublisher} over a Reactor Kafka sender (idempotent, acks=all): the records of a call
 * go to the shared producer together, and the returned Mono completes when every one is acked
 * ({@link GuardedSend} bounds it by the timeout).
 */
final class KafkaEventPublisher implements EventPublisher, AutoCloseable {
  private final KafkaSender<String, byte[]> sender;
  private final Duration timeout;
  private final Timer latency;
  private final Counter events;
  private final Counter deadLetters;
  private final Counter failures;
  private final ScheduledThreadPoolExecutor timer;

  KafkaEventPublisher(KafkaSender<String, byte[]> sender, Duration timeout, MeterRegistry meters) {
    this.sender = sender;
    this.timeout = timeout;
    this.latency = Timer.builder("studio.ingest.publish.latency").register(meters);
    this.events = topicCounter(meters, "studio.ingest.published", Topics.EVENTS);
    this.deadLetters = topicCounter(meters, "studio.ingest.published", Topics.DLQ);
    this.failures = Counter.builder("studio.ingest.publish.failures").register(meters);
    this.timer = new ScheduledThreadPoolExecutor(1, KafkaEventPublisher::timerThread);
    // Cancelled guards leave the queue at once instead of waiting out their delay.
    this.timer.setRemoveOnCancelPolicy(true);
  }

  @Override
  public Mono<Void> publish(List<StudioEvent> batch, List<DeadLetter> letters) {
    // Outside an event loop (the pollers): a timer thread of the publisher's own, and the outcome
    // signalled where the acknowledgement arrives, as Reactor's timeout would.
    return publish(batch, letters, timer, Runnable::run);
  }

  @Override
  public Mono<Void> publish(
      List<StudioEvent> batch, List<DeadLetter> letters, ScheduledExecutorService loop) {
    return publish(batch, letters, loop, loop);
  }

  private Mono<Void> publish(
      List<StudioEvent> batch,
      List<DeadLetter> letters,
      ScheduledExecutorService timerOn,
      Executor signalOn) {
    if (batch.isEmpty() && letters.isEmpty()) {
      return Mono.empty();
    }
    return Mono.defer(
        () ->
            new GuardedSend(
                sender.send(Flux.fromIterable(records(batch, letters))),
                timeout,
                timerOn,
                signalOn,
                new Counted(batch.size(), letters.size())));
  }

  /** Counts a call's outcome in the publisher's meters. */
  private final class Counted implements GuardedSend.Outcome {
    private final int eventCount;
    private final int letterCount;

    Counted(int eventCount, int letterCount) {
      this.eventCount = eventCount;
      this.letterCount = letterCount;
    }

    @Override
    public void acknowledged(long startNanos) {
      latency.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
      events.increment(eventCount);
      deadLetters.increment(letterCount);
    }

    @Override
    public void failed() {
      failures.increment();
    }
  }

  private static List<SenderRecord<String, byte[], Integer>> records(
      List<StudioEvent> batch, List<DeadLetter> letters) {
    List<SenderRecord<String, byte[], Integer>> records =
        new ArrayList<>(batch.size() + letters.size());
    for (StudioEvent e : batch) {
      records.add(record(Topics.EVENTS, e.creatorId(), EventJson.write(e), records.size()));
    }
    for (DeadLetter d : letters) {
      String key = d.platform() == null ? "unknown" : d.platform();
      records.add(record(Topics.DLQ, key, EventJson.write(d), records.size()));
    }
    return records;
  }

  private static SenderRecord<String, byte[], Integer> record(
      String topic, String key, byte[] value, int index) {
    return SenderRecord.create(new ProducerRecord<>(topic, key, value), index);
  }

  private static Thread timerThread(Runnable r) {
    Thread t = new Thread(r, "kafka-publish-timeout");
    t.setDaemon(true);
    return t;
  }

  private static Counter topicCounter(MeterRegistry meters, String name, String topic) {
    return Counter.builder(name).tag("topic", topic).register(meters);
  }

  @Override
  public void close() {
    sender.close();
    timer.shutdownNow();
  }
}
