package io.aegntic.studio.ingest.poll.youtube;

import static io.aegntic.studio.events.Platform.YOUTUBE;

import com.fasterxml.jackson.databind.JsonNode;
import io.aegntic.studio.events.EventIds;
import io.aegntic.studio.events.EventPayload;
import io.aegntic.studio.events.EventType;
import io.aegntic.studio.events.StudioEvent;
import io.aegntic.studio.ingest.poll.ApiResponse;
import io.aegntic.studio.ingest.poll.PollSession;
import io.aegntic.studio.ingest.poll.Requests;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code videos.list} part=statistics for the due videos, 50 ids a call: cumulative snapshots. */
final class YouTubeStatistics {
  private YouTubeStatistics() {}

  static void poll(PollSession s) {
    for (int batch = 0; batch < s.properties().maxPages(); batch++) {
      Map<String, Instant> due = s.dueItems(50);
      if (due.isEmpty()) {
        return;
      }
      ApiResponse r =
          Requests.expectOk(
              s.send(
                  YouTubePoller.LIST_COST,
                  Requests.get(
                      s.app().apiUrl(),
                      "/videos",
                      Map.of("part", "statistics", "id", String.join(",", due.keySet())))),
              "videos.list");
      Instant at = r.observedAt();
      List<StudioEvent> events = new ArrayList<>();
      for (JsonNode item : r.json().path("items")) {
        String video = item.path("id").asText("");
        JsonNode st = item.path("statistics");
        if (video.isEmpty() || !due.containsKey(video)) {
          continue;
        }
        events.add(
            StudioEvent.of(
                EventIds.of(YOUTUBE, "snapshot", video, at.toString()),
                EventType.CONTENT_SNAPSHOT,
                YOUTUBE,
                s.connection().creatorId(),
                video,
                null,
                at,
                s.now(),
                new EventPayload.ContentSnapshot(
                    count(st, "viewCount"),
                    null,
                    count(st, "likeCount"),
                    count(st, "commentCount"),
                    null,
                    null)));
      }
      s.publish(events);
      // Videos the API no longer returns (deleted, private) age out like the others.
      s.polled(due);
    }
  }

  /** YouTube sends counters as strings, and leaves out hidden ones (likes can be hidden). */
  private static Long count(JsonNode stats, String field) {
    JsonNode v = stats.get(field);
    return v == null || v.isNull() ? null : v.asLong();
  }
}
