package io.aegntic.studio.ingest.poll.youtube;

import static io.aegntic.studio.events.Platform.YOUTUBE;

import com.fasterxml.jackson.databind.JsonNode;
import io.aegntic.studio.events.Platform;
import io.aegntic.studio.ingest.poll.ApiResponse;
import io.aegntic.studio.ingest.poll.PlatformPoller;
import io.aegntic.studio.ingest.poll.PollSession;
import io.aegntic.studio.ingest.poll.PollSteps;
import io.aegntic.studio.ingest.poll.RateLimiter;
import io.aegntic.studio.ingest.poll.Requests;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * YouTube Data API v3: {@code channels.list} (statistics: subscriberCount; contentDetails: the
 * uploads playlist), {@code playlistItems.list} to find videos, {@code videos.list} part=statistics
 * for their counters and {@code commentThreads.list} for new comments. Every call costs 1 unit of
 * the 10,000-unit daily quota, which resets at midnight Pacific Time.
 */
@Component
@ConditionalOnProperty(name = "studio.ingest.poll.enabled", havingValue = "true")
class YouTubePoller implements PlatformPoller {
  static final int LIST_COST = 1;

  @Override
  public Platform platform() {
    return YOUTUBE;
  }

  @Override
  public ZoneId quotaZone() {
    return ZoneId.of("America/Los_Angeles");
  }

  @Override
  public void inspect(ApiResponse r, RateLimiter limiter) {
    if (r.status() != 403) {
      return;
    }
    for (JsonNode e : r.json().path("error").path("errors")) {
      String reason = e.path("reason").asText();
      if (reason.equals("quotaExceeded") || reason.equals("dailyLimitExceeded")) {
        limiter.quotaExhausted("YouTube answered 403 " + reason);
        throw new RateLimiter.Paused("youtube", null, reason);
      }
      if (reason.equals("rateLimitExceeded") || reason.equals("userRateLimitExceeded")) {
        limiter.pause(limiter.clock().instant().plusSeconds(60), "YouTube answered 403 " + reason);
        throw new RateLimiter.Paused("youtube", null, reason);
      }
    }
  }

  @Override
  public void poll(PollSession s) {
    if (s.due("audience") || s.cursor("uploads") == null) {
      audience(s);
    }
    if (s.due("discover")) {
      discover(s);
    }
    YouTubeStatistics.poll(s);
    if (s.due("comments")) {
      new YouTubeComments(s).sweep();
    }
  }

  private static void audience(PollSession s) {
    String channel = s.connection().account();
    HttpRequest.Builder req =
        Requests.get(
            s.app().apiUrl(),
            "/channels",
            Map.of("part", "statistics,contentDetails", "id", channel));
    String etag = s.cursor("etag.channel");
    if (etag != null && s.cursor("uploads") != null) {
      req.header("If-None-Match", etag);
    }
    ApiResponse r = Requests.expectOk(s.send(LIST_COST, req), "channels.list");
    Map<String, String> save = new LinkedHashMap<>();
    save.put("audience.next", s.nextRun(s.properties().audienceInterval()));
    if (r.ok()) {
      JsonNode item = r.json().path("items").path(0);
      JsonNode stats = item.path("statistics");
      if (stats.has("subscriberCount") && !stats.path("hiddenSubscriberCount").asBoolean(false)) {
        PollSteps.publishAudience(
            s, YOUTUBE, r.observedAt(), stats.path("subscriberCount").asLong());
      }
      String uploads =
          item.path("contentDetails").path("relatedPlaylists").path("uploads").asText("");
      if (!uploads.isEmpty()) {
        save.put("uploads", uploads);
      }
      save.put("etag.channel", r.etag());
    }
    s.save(save);
  }

  /** Follows the uploads playlist's pages until a known video (or the end); resumable. */
  private static void discover(PollSession s) {
    String uploads = s.cursor("uploads");
    if (uploads == null) {
      return;
    }
    PollSteps.discover(
        s,
        "discover.page",
        cursor -> {
          Map<String, String> q = new LinkedHashMap<>();
          q.put("part", "contentDetails");
          q.put("playlistId", uploads);
          q.put("maxResults", "50");
          q.put("pageToken", cursor);
          ApiResponse r =
              Requests.expectOk(
                  s.send(LIST_COST, Requests.get(s.app().apiUrl(), "/playlistItems", q)),
                  "playlistItems.list");
          JsonNode json = r.json();
          Map<String, Instant> found = new LinkedHashMap<>();
          for (JsonNode item : json.path("items")) {
            JsonNode d = item.path("contentDetails");
            String video = d.path("videoId").asText("");
            if (!video.isEmpty()) {
              found.put(video, parse(d.path("videoPublishedAt").asText(null), s.now()));
            }
          }
          String next = json.path("nextPageToken").asText("");
          return new PollSteps.Page(found, next.isEmpty() ? null : next);
        });
  }

  static Instant parse(String time, Instant fallback) {
    try {
      return time == null ? fallback : Instant.parse(time);
    } catch (RuntimeException e) {
      return fallback;
    }
  }

  static List<String> ids(String joined) {
    return joined == null || joined.isEmpty()
        ? new ArrayList<>()
        : new ArrayList<>(List.of(joined.split(",")));
  }
}
