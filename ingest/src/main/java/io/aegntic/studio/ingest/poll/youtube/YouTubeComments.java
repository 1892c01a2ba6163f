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
import io.aegntic.studio.ingest.webhook.Texts;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * New comments through {@code commentThreads.list} (allThreadsRelatedToChannelId, order=time,
 * newest first). A sweep pages back until it meets the watermark of the last finished sweep (the
 * newest comment time and the ids at that time); the page token is stored after each published
 * page, so a restart resumes mid-sweep instead of starting over or skipping.
 */
final class YouTubeComments {
  private final PollSession s;

  YouTubeComments(PollSession s) {
    this.s = s;
  }

  void sweep() {
    Instant since = YouTubePoller.parse(s.cursor("comments.since"), null);
    List<String> sinceIds = YouTubePoller.ids(s.cursor("comments.since.ids"));
    for (int page = 0; page < s.properties().maxPages(); page++) {
      String token = s.cursor("comments.page");
      Map<String, String> q = new LinkedHashMap<>();
      q.put("part", "snippet");
      q.put("allThreadsRelatedToChannelId", s.connection().account());
      q.put("order", "time");
      q.put("maxResults", "100");
      q.put("pageToken", token);
      HttpRequest.Builder req = Requests.get(s.app().apiUrl(), "/commentThreads", q);
      String etag = s.cursor("etag.comments");
      if (token == null && etag != null) {
        req.header("If-None-Match", etag);
      }
      ApiResponse r =
          Requests.expectOk(s.send(YouTubePoller.LIST_COST, req), "commentThreads.list");
      if (r.notModified()) {
        s.save(Map.of("comments.next", s.nextRun(s.properties().commentsInterval())));
        return;
      }
      Instant newest = YouTubePoller.parse(s.cursor("comments.newest"), null);
      List<String> newestIds = YouTubePoller.ids(s.cursor("comments.newest.ids"));
      List<StudioEvent> events = new ArrayList<>();
      boolean reachedKnown = false;
      for (JsonNode thread : r.json().path("items")) {
        JsonNode top = thread.path("snippet").path("topLevelComment");
        String id = top.path("id").asText("");
        JsonNode sn = top.path("snippet");
        Instant at = YouTubePoller.parse(sn.path("publishedAt").asText(null), null);
        if (id.isEmpty() || at == null) {
          continue;
        }
        if (since != null && (at.isBefore(since) || (at.equals(since) && sinceIds.contains(id)))) {
          reachedKnown = true;
          continue;
        }
        if (newest == null || at.isAfter(newest)) {
          newest = at;
          newestIds = new ArrayList<>(List.of(id));
        } else if (at.equals(newest) && !newestIds.contains(id)) {
          newestIds.add(id);
        }
        events.add(event(id, sn, at));
      }
      s.publish(events);
      String next = r.json().path("nextPageToken").asText("");
      Map<String, String> save = new LinkedHashMap<>();
      if (token == null) {
        save.put("etag.comments", r.etag());
      }
      if (reachedKnown || next.isEmpty()) {
        boolean advance = newest != null && (since == null || !newest.isBefore(since));
        if (advance && since != null && newest.equals(since)) {
          newestIds.addAll(sinceIds);
        }
        save.put("comments.since", advance ? newest.toString() : s.cursor("comments.since"));
        save.put(
            "comments.since.ids",
            advance ? String.join(",", newestIds) : s.cursor("comments.since.ids"));
        save.put("comments.page", null);
        save.put("comments.newest", null);
        save.put("comments.newest.ids", null);
        save.put("comments.next", s.nextRun(s.properties().commentsInterval()));
        s.save(save);
        return;
      }
      save.put("comments.page", next);
      save.put("comments.newest", newest == null ? null : newest.toString());
      save.put("comments.newest.ids", String.join(",", newestIds));
      s.save(save);
    }
  }

  private StudioEvent event(String id, JsonNode sn, Instant at) {
    String text = sn.path("textOriginal").asText(sn.path("textDisplay").asText(""));
    String author = sn.path("authorChannelId").path("value").asText("");
    return StudioEvent.of(
        EventIds.of(YOUTUBE, "comment", id),
        EventType.COMMENT,
        YOUTUBE,
        s.connection().creatorId(),
        sn.path("videoId").asText(null),
        author.isEmpty() ? null : EventIds.actor(YOUTUBE, author, s.actorSalt()),
        at,
        s.now(),
        new EventPayload.Comment(id, text, null, Texts.hashtags(text)));
  }
}
