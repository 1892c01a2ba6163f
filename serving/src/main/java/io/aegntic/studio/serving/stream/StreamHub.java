package io.aegntic.studio.serving.stream;

import io.aegntic.studio.events.EventJson;
import io.aegntic.studio.events.MetricUpdate;
import io.aegntic.studio.serving.config.StudioProperties;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Fans metric updates and alerts out to the open streams of the creators they belong to, in memory.
 * Each creator has a bounded replay buffer for {@code Last-Event-ID} resumes. Event ids start at
 * this instance's boot time in microseconds, so they keep increasing across restarts.
 */
@Component
class StreamHub implements AlertBus {
  private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis() * 1000);
  private final ConcurrentHashMap<String, Channel> channels = new ConcurrentHashMap<>();
  private final int replaySize;

  @Autowired
  StreamHub(StudioProperties properties) {
    this(properties.stream().replaySize());
  }

  StreamHub(int replaySize) {
    this.replaySize = replaySize;
  }

  /** The subscribers and recent events of one creator; its monitor orders publish vs subscribe. */
  private final class Channel {
    final ReplayBuffer buffer = new ReplayBuffer(replaySize);
    final CopyOnWriteArraySet<ConflatingSubscriber> subscribers = new CopyOnWriteArraySet<>();
  }

  void publish(MetricUpdate update) {
    publish(
        update.creatorId(),
        StreamEvent.METRIC,
        "m/" + update.seriesKey(),
        EventJson.writeString(update));
  }

  @Override
  public void publish(Alert alert) {
    publish(alert.creatorId(), StreamEvent.ALERT, "a/" + alert.id(), EventJson.writeString(alert));
  }

  void publish(String creatorId, String name, String key, String json) {
    Channel channel = channels.computeIfAbsent(creatorId, c -> new Channel());
    String streamKey = creatorId + '/' + key; // once per event, not per subscriber
    synchronized (channel) {
      StreamEvent event = new StreamEvent(sequence.incrementAndGet(), creatorId, name, key, json);
      channel.buffer.add(event);
      for (ConflatingSubscriber s : channel.subscribers) {
        s.offer(streamKey, event);
      }
    }
  }

  /**
   * Registers {@code subscriber} for {@code creators}. With a {@code lastEventId}, first queues
   * every buffered event after it (each under its own key, so none is conflated away).
   */
  void subscribe(ConflatingSubscriber subscriber, Collection<String> creators, Long lastEventId) {
    for (String creator : creators) {
      Channel channel = channels.computeIfAbsent(creator, c -> new Channel());
      synchronized (channel) {
        if (lastEventId != null) {
          for (StreamEvent e : channel.buffer.after(lastEventId)) {
            subscriber.offer("r/" + e.id(), e);
          }
        }
        channel.subscribers.add(subscriber);
      }
    }
  }

  void unsubscribe(ConflatingSubscriber subscriber, Collection<String> creators) {
    for (String creator : creators) {
      Channel channel = channels.get(creator);
      if (channel != null) {
        channel.subscribers.remove(subscriber);
      }
    }
  }

  /** Queues a heartbeat for every open stream (conflated: at most one pending per stream). */
  void heartbeat() {
    StreamEvent beat = new StreamEvent(0, "", StreamEvent.HEARTBEAT, "hb", "");
    channels.values().stream()
        .flatMap(c -> c.subscribers.stream())
        .distinct()
        .forEach(s -> s.offer("hb", beat));
  }

  /**
   * Ends every open stream. Called when serving stops, so that graceful shutdown does not wait for
   * streams that never end by themselves, and clients reconnect (and resume) at once.
   */
  void closeAll() {
    channels.values().stream()
        .flatMap(c -> c.subscribers.stream())
        .distinct()
        .forEach(ConflatingSubscriber::complete);
  }

  long lastId() {
    return sequence.get();
  }

  int subscribers() {
    return (int) channels.values().stream().flatMap(c -> c.subscribers.stream()).distinct().count();
  }

  List<String> creatorsWithSubscribers() {
    return channels.entrySet().stream()
        .filter(e -> !e.getValue().subscribers.isEmpty())
        .map(java.util.Map.Entry::getKey)
        .toList();
  }
}
