package io.aegntic.studio.ingest.publish;

import io.aegntic.studio.events.DeadLetter;
import io.aegntic.studio.events.EventJson;
import io.aegntic.studio.events.StudioEvent;
import io.aegntic.studio.events.Topics;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.ProducerRecord;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.MonoSink;
import reactor.kafka.sender.KafkaSender;
import reactor.kafka.sender.SenderRecord;
import reactor.kafka.sender.SenderResult;

/**
 * The calls one event loop made during one turn, sent in one Reactor Kafka {@code send}. Each call
 * succeeds when every record of its own was acknowledged and fails on its first refused record; all
 * are settled together on the loop, when the send has ended or its timeout has passed.
 */
final class Turn {
  private final EventExecutor loop;
  private final PublishMeters meters;
  private final List<SenderRecord<String, byte[], Call>> records = new ArrayList<>();
  private final List<Call> calls = new ArrayList<>();

  // The send's end is written on the producer's thread, read on the loop after the hop there.
  private volatile Throwable sendFailure;

  // Loop only.
  private Disposable sending;
  private ScheduledFuture<?> timer;
  private Duration timeout;
  private boolean settled;

  Turn(EventExecutor loop, PublishMeters meters) {
    this.loop = loop;
    this.meters = meters;
  }

  /** Adds a call: all of its records, or (when one cannot be serialised) none of them. */
  void add(MonoSink<Void> sink, List<StudioEvent> events, List<DeadLetter> deadLetters) {
    Call call = new Call(sink, events.size(), deadLetters.size(), System.nanoTime());
    List<SenderRecord<String, byte[], Call>> own = new ArrayList<>();
    for (StudioEvent e : events) {
      own.add(record(Topics.EVENTS, e.creatorId(), EventJson.write(e), call));
    }
    for (DeadLetter d : deadLetters) {
      String key = d.platform() == null ? "unknown" : d.platform();
      own.add(record(Topics.DLQ, key, EventJson.write(d), call));
    }
    call.records = own.size();
    records.addAll(own);
    calls.add(call);
  }

  /** Events are keyed by creator, dead letters by platform. */
  private static SenderRecord<String, byte[], Call> record(
      String topic, String key, byte[] value, Call call) {
    return SenderRecord.create(new ProducerRecord<>(topic, key, value), call);
  }

  int records() {
    return records.size();
  }

  void send(KafkaSender<String, byte[]> sender, Duration timeout) {
    this.timeout = timeout;
    timer = loop.schedule(this::expire, timeout.toNanos(), TimeUnit.NANOSECONDS);
    sending =
        sender
            .send(Flux.fromIterable(records))
            .subscribe(Turn::result, this::ended, () -> ended(null));
  }

  private static void result(SenderResult<Call> result) {
    result.correlationMetadata().answered(result.exception());
  }

  private void ended(Throwable failure) {
    sendFailure = failure;
    loop.execute(this::settle);
  }

  private void expire() {
    if (!settled) {
      sending.dispose();
      settle(new TimeoutException("no acknowledgement within " + timeout));
    }
  }

  private void settle() {
    if (!settled) {
      timer.cancel(false);
      settle(sendFailure);
    }
  }

  /**
   * Settles every call: by its own results when all of them came, else by what ended the turn. (A
   * send that refused any record ends with that error after all results, even when it goes on past
   * errors: the calls whose records were all acknowledged still succeed.)
   */
  private void settle(Throwable turnFailure) {
    settled = true;
    for (Call call : calls) {
      Throwable failure = call.outcome(turnFailure);
      if (failure == null) {
        meters.acknowledged(call.start, call.events, call.deadLetters);
        call.sink.success();
      } else {
        meters.failed();
        call.sink.error(new PublishException("broker did not acknowledge every record", failure));
      }
    }
  }

  /** One publish call of the turn: its sink, its size, when it began, its records' results. */
  static final class Call {
    final MonoSink<Void> sink;
    final int events;
    final int deadLetters;
    final long start;
    int records;
    private final AtomicInteger answered = new AtomicInteger();
    private volatile Throwable refusal;

    Call(MonoSink<Void> sink, int events, int deadLetters, long start) {
      this.sink = sink;
      this.events = events;
      this.deadLetters = deadLetters;
      this.start = start;
    }

    void answered(Throwable exception) {
      if (exception != null && refusal == null) {
        refusal = exception;
      }
      answered.incrementAndGet();
    }

    /** Null when every record was acknowledged; else why not. */
    Throwable outcome(Throwable turnFailure) {
      // The count first: a refusal is recorded before its result is counted.
      boolean all = answered.get() == records;
      if (refusal != null) {
        return refusal;
      }
      if (all) {
        return null;
      }
      return turnFailure != null
          ? turnFailure
          : new IllegalStateException("the send ended without a result for every record");
    }
  }
}
