package io.aegntic.studio.ingest.publish;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * One publish call: completes when the send completed (every record acknowledged), fails with
 * {@link PublishException} when the send failed or its timeout passed first, and signals either on
 * a given executor. Replaces {@code publishOn(loop).timeout(t)}: on a Netty event loop the timer is
 * scheduled and cancelled on that loop (no shared scheduler's lock, no cross-thread cancel), and
 * the hop that carries the acknowledgement to the loop is the only one.
 */
final class GuardedSend extends Mono<Void> {
  /** What the publisher counts when a call ends. */
  interface Outcome {
    void acknowledged(long startNanos);

    void failed();
  }

  private final Flux<?> send;
  private final Duration timeout;
  private final ScheduledExecutorService timer;
  private final Executor signalOn;
  private final Outcome outcome;

  GuardedSend(
      Flux<?> send,
      Duration timeout,
      ScheduledExecutorService timer,
      Executor signalOn,
      Outcome outcome) {
    this.send = send;
    this.timeout = timeout;
    this.timer = timer;
    this.signalOn = signalOn;
    this.outcome = outcome;
  }

  @Override
  public void subscribe(CoreSubscriber<? super Void> actual) {
    Call call = new Call(actual, this);
    actual.onSubscribe(call);
    call.start();
  }

  private static final class Call implements CoreSubscriber<Object>, Subscription, Runnable {
    private static final AtomicIntegerFieldUpdater<Call> DONE =
        AtomicIntegerFieldUpdater.newUpdater(Call.class, "done");
    private static final AtomicReferenceFieldUpdater<Call, Subscription> UPSTREAM =
        AtomicReferenceFieldUpdater.newUpdater(Call.class, Subscription.class, "upstream");

    private final CoreSubscriber<? super Void> actual;
    private final GuardedSend parent;
    private final long start = System.nanoTime();
    private volatile int done;
    private volatile Subscription upstream;
    private volatile ScheduledFuture<?> expiry;
    private volatile Throwable failure;

    Call(CoreSubscriber<? super Void> actual, GuardedSend parent) {
      this.actual = actual;
      this.parent = parent;
    }

    void start() {
      expiry = parent.timer.schedule(this::expire, parent.timeout.toNanos(), TimeUnit.NANOSECONDS);
      parent.send.subscribe(this);
    }

    @Override
    public void onSubscribe(Subscription s) {
      if (Operators.setOnce(UPSTREAM, this, s)) {
        s.request(Long.MAX_VALUE);
      }
    }

    @Override
    public void onNext(Object result) {
      // Per-record results are not needed: the send completes after the last acknowledgement.
    }

    @Override
    public void onError(Throwable t) {
      failure = t;
      parent.signalOn.execute(this);
    }

    @Override
    public void onComplete() {
      parent.signalOn.execute(this);
    }

    /** The send ended (on the signal executor). */
    @Override
    public void run() {
      if (!DONE.compareAndSet(this, 0, 1)) {
        return;
      }
      ScheduledFuture<?> e = expiry;
      if (e != null) {
        e.cancel(false);
      }
      end(failure);
    }

    private void expire() {
      if (DONE.compareAndSet(this, 0, 1)) {
        Operators.terminate(UPSTREAM, this);
        end(new TimeoutException("no acknowledgement within " + parent.timeout));
      }
    }

    private void end(Throwable error) {
      if (error == null) {
        parent.outcome.acknowledged(start);
        actual.onComplete();
      } else {
        parent.outcome.failed();
        actual.onError(
            error instanceof PublishException p
                ? p
                : new PublishException("broker did not acknowledge every record", error));
      }
    }

    @Override
    public void request(long n) {
      // Completes empty: there is nothing to request.
    }

    @Override
    public void cancel() {
      if (DONE.compareAndSet(this, 0, 1)) {
        ScheduledFuture<?> e = expiry;
        if (e != null) {
          e.cancel(false);
        }
        Operators.terminate(UPSTREAM, this);
      }
    }

    @Override
    public Context currentContext() {
      return actual.currentContext();
    }
  }
}
