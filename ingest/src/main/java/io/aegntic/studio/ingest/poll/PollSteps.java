package io.aegntic.studio.ingest.poll;

import com.fasterxml.jackson.databind.JsonNode;
import io.aegntic.studio.events.EventIds;
import io.aegntic.studio.events.EventPayload;
import io.aegntic.studio.events.EventType;
import io.aegntic.studio.events.Platform;
import io.aegntic.studio.events.StudioEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The steps every platform poller takes the same way (follower snapshot, discovery paging,
 * snapshots of due posts); each poller supplies only its requests and response mapping. Public
 * because the pollers live in per-platform packages.
 */
public final class PollSteps {
  private PollSteps() {}

  /**
   * One page of discovered posts (content id to publication time), and the cursor of the next, or
   * null after the last.
   */
  public record Page(Map<String, Instant> found, String next) {}

  /** One cycle: the follower snapshot and discovery when due, then the due posts' snapshots. */
  public static void cycle(
      PollSession s,
      Consumer<PollSession> audience,
      Consumer<PollSession> discover,
      Consumer<PollSession> snapshots) {
    if (s.due("audience")) {
      audience.accept(s);
    }
    if (s.due("discover")) {
      discover.accept(s);
    }
    snapshots.accept(s);
  }

  /** Publishes the account's follower count observed at {@code at}. */
  public static void publishAudience(PollSession s, Platform p, Instant at, long followers) {
    String account = s.connection().account();
    s.publish(
        List.of(
            StudioEvent.of(
                EventIds.of(p, "audience", account, at.toString()),
                EventType.AUDIENCE_SNAPSHOT,
                p,
                s.connection().creatorId(),
                null,
                null,
                at,
                s.now(),
                new EventPayload.AudienceSnapshot(followers))));
  }

  /** Schedules the next follower snapshot. */
  public static void audienceDone(PollSession s) {
    s.save(Map.of("audience.next", s.nextRun(s.properties().audienceInterval())));
  }

  /** A post's cumulative counters observed at {@code at}. */
  public static StudioEvent snapshot(
      PollSession s, Platform p, String contentId, Instant at, EventPayload.ContentSnapshot c) {
    return StudioEvent.of(
        EventIds.of(p, "snapshot", contentId, at.toString()),
        EventType.CONTENT_SNAPSHOT,
        p,
        s.connection().creatorId(),
        contentId,
        null,
        at,
        s.now(),
        c);
  }

  /**
   * Follows pages from the cursor stored under {@code cursorName} until a known post or the last
   * page (then schedules the next discovery), at most maxPages a cycle; resumable.
   */
  public static void discover(PollSession s, String cursorName, Function<String, Page> fetch) {
    for (int page = 0; page < s.properties().maxPages(); page++) {
      Page p = fetch.apply(s.cursor(cursorName));
      long added = s.addItems(p.found());
      if (added < p.found().size() || p.next() == null) {
        Map<String, String> done = new LinkedHashMap<>();
        done.put(cursorName, null);
        done.put("discover.next", s.nextRun(s.properties().discoverInterval()));
        s.save(done);
        return;
      }
      s.save(Map.of(cursorName, p.next()));
    }
  }

  /**
   * Publishes the snapshots {@code fetch} makes of the due posts, {@code batch} at a time, and
   * reschedules them (posts the API no longer returns, deleted or private, age out like the
   * others).
   */
  public static void snapshotDue(
      PollSession s, int batch, Function<Map<String, Instant>, List<StudioEvent>> fetch) {
    for (int i = 0; i < s.properties().maxPages(); i++) {
      Map<String, Instant> due = s.dueItems(batch);
      if (due.isEmpty()) {
        return;
      }
      s.publish(fetch.apply(due));
      s.polled(due);
    }
  }

  /** A counter, or null when the platform left it out (hidden) or sent null. */
  public static Long count(JsonNode node, String field) {
    JsonNode n = node.get(field);
    return n == null || n.isNull() ? null : n.asLong();
  }
}
