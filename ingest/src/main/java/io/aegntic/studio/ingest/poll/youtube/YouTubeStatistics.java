package io.aegntic.studio.ingest.poll.youtube;

import static io.aegntic.studio.events.Platform.YOUTUBE;
import static io.aegntic.studio.ingest.poll.PollSteps.count;

import com.fasterxml.jackson.databind.JsonNode;
import io.aegntic.studio.events.EventPayload;
import io.aegntic.studio.events.StudioEvent;
import io.aegntic.studio.ingest.poll.ApiResponse;
import io.aegntic.studio.ingest.poll.PollSession;
import io.aegntic.studio.ingest.poll.PollSteps;
import io.aegntic.studio.ingest.poll.Requests;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code videos.list} part=statistics for the due videos, 50 ids a call: cumulative snapshots. */
final class YouTubeStatistics {
  private YouTubeStatistics() {}

  /** YouTube sends counters as strings, and leaves out hidden ones (likes can be hidden). */
  static void poll(PollSession s) {
    PollSteps.snapshotDue(
        s,
        50,
        due -> {
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
                PollSteps.snapshot(
                    s,
                    YOUTUBE,
                    video,
                    at,
                    new EventPayload.ContentSnapshot(
                        count(st, "viewCount"),
                        null,
                        count(st, "likeCount"),
                        count(st, "commentCount"),
                        null,
                        null)));
          }
          return events;
        });
  }
}
