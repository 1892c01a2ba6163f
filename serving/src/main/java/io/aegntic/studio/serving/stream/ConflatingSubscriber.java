package io.aegntic.studio.serving.stream;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.FluxSink;

/**
 * One open stream's outbox. Publishers {@link #offer} without ever blocking; events are handed to
 * the client only as fast as it asks for them. While the client lags, a newer event with the same
 * key replaces the pending one (the latest value per series), and beyond {@code maxPending} keys
 * the oldest pending event is dropped, so a slow client costs bounded memory and nobody's time.
 */
final class ConflatingSubscriber {
  private final LinkedHashMap<String, StreamEvent> pending = new LinkedHashMap<>();
  private final AtomicInteger wip = new AtomicInteger();
  private final int maxPending;
  private volatile FluxSink<StreamEvent> sink;
  private volatile boolean cancelled;
  private long conflated;

  ConflatingSubscriber(int maxPending) {
    this.maxPending = maxPending;
  }

  void attach(FluxSink<StreamEvent> sink) {
    this.sink = sink;
    sink.onRequest(n -> drain());
    drain();
  }

  void cancel() {
    cancelled = true;
    synchronized (pending) {
      pending.clear();
    }
  }

  /** Ends the stream (the server is shutting down); pending events are dropped. */
  void complete() {
    FluxSink<StreamEvent> s = sink;
    cancel();
    if (s != null) {
      s.complete();
    }
  }

  boolean cancelled() {
    return cancelled;
  }

  /** Queues {@code event} under {@code key}, replacing a pending event with the same key. */
  void offer(String key, StreamEvent event) {
    if (cancelled) {
      return;
    }
    synchronized (pending) {
      if (pending.put(key, event) != null) {
        conflated++;
      } else if (pending.size() > maxPending) {
        Iterator<StreamEvent> oldest = pending.values().iterator();
        oldest.next();
        oldest.remove();
        conflated++;
      }
    }
    drain();
  }

  /** How many events were superseded or dropped for this subscriber so far. */
  long conflated() {
    synchronized (pending) {
      return conflated;
    }
  }

  int pending() {
    synchronized (pending) {
      return pending.size();
    }
  }

  /** Emits while there is demand; one thread at a time, others leave the work to it. */
  private void drain() {
    FluxSink<StreamEvent> s = sink;
    if (s == null || wip.getAndIncrement() != 0) {
      return;
    }
    int missed = 1;
    do {
      while (!cancelled && s.requestedFromDownstream() > 0) {
        StreamEvent next;
        synchronized (pending) {
          Iterator<Map.Entry<String, StreamEvent>> it = pending.entrySet().iterator();
          if (!it.hasNext()) {
            break;
          }
          next = it.next().getValue();
          it.remove();
        }
        s.next(next);
      }
      missed = wip.addAndGet(-missed);
    } while (missed != 0);
  }
}
