package io.aegntic.studio.serving.stream;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** The last {@code capacity} events of one creator, oldest first; callers hold the lock. */
final class ReplayBuffer {
  private final ArrayDeque<StreamEvent> events;
  private final int capacity;

  ReplayBuffer(int capacity) {
    this.capacity = capacity;
    this.events = new ArrayDeque<>(Math.min(capacity, 1024));
  }

  void add(StreamEvent event) {
    if (capacity <= 0) {
      return;
    }
    if (events.size() == capacity) {
      events.removeFirst();
    }
    events.addLast(event);
  }

  /** Events with an id greater than {@code lastId}, oldest first. */
  List<StreamEvent> after(long lastId) {
    List<StreamEvent> out = new ArrayList<>();
    for (StreamEvent e : events) {
      if (e.id() > lastId) {
        out.add(e);
      }
    }
    return out;
  }
}
