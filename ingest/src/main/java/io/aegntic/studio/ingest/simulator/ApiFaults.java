package io.aegntic.studio.ingest.simulator;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * How the simulator's APIs can be told to misbehave (tests do it in-process): the next request
 * whose path starts with a prefix gets a given response. Every request is logged in arrival order.
 */
public final class ApiFaults {
  private static final int MAX_LOG = 10_000;
  private final Deque<Fault> faults = new ConcurrentLinkedDeque<>();
  private final List<Request> log = new CopyOnWriteArrayList<>();

  /** The next request to a path starting with {@code prefix} gets this answer instead. */
  public void next(String prefix, int status, Map<String, String> headers, String body) {
    faults.add(new Fault(prefix, status, headers, body));
  }

  public List<Request> requests() {
    return new ArrayList<>(log);
  }

  void record(Request r) {
    log.add(r);
    // A long demo run must not grow without bound: the tests' runs stay far below this.
    while (log.size() > MAX_LOG) {
      log.remove(0);
    }
  }

  Fault take(String path) {
    for (Fault f : faults) {
      if (path.startsWith(f.prefix) && faults.remove(f)) {
        return f;
      }
    }
    return null;
  }

  /** A scripted answer. */
  record Fault(String prefix, int status, Map<String, String> headers, String body) {}

  /** One request as the server saw it: what the tests assert on. */
  public record Request(
      String method,
      String path,
      String query,
      String authorization,
      String ifNoneMatch,
      String body) {}
}
