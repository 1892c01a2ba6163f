package io.aegntic.studio.ingest.poll.tiktok;

import static io.aegntic.studio.events.Platform.TIKTOK;
import static io.aegntic.studio.ingest.poll.PollSteps.count;

import com.fasterxml.jackson.databind.JsonNode;
import io.aegntic.studio.events.EventPayload;
import io.aegntic.studio.events.Platform;
import io.aegntic.studio.events.StudioEvent;
import io.aegntic.studio.ingest.poll.ApiResponse;
import io.aegntic.studio.ingest.poll.PlatformPoller;
import io.aegntic.studio.ingest.poll.PollException;
import io.aegntic.studio.ingest.poll.PollSession;
import io.aegntic.studio.ingest.poll.PollSteps;
import io.aegntic.studio.ingest.poll.Requests;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * TikTok API v2 (Display API): {@code GET /v2/user/info/} follower_count, {@code POST
 * /v2/video/list/} (cursor + has_more) to find videos, {@code POST /v2/video/query/} (20 ids) for
 * view, like, comment and share counts. TikTok's comments are not readable by this API.
 */
@Component
@ConditionalOnProperty(name = "studio.ingest.poll.enabled", havingValue = "true")
class TikTokPoller implements PlatformPoller {
  static final String VIDEO_FIELDS =
      "id,create_time,view_count,like_count,comment_count,share_count";

  @Override
  public Platform platform() {
    return TIKTOK;
  }

  @Override
  public String clientIdParam() {
    return "client_key";
  }

  @Override
  public void poll(PollSession s) {
    PollSteps.cycle(s, TikTokPoller::audience, TikTokPoller::discover, TikTokPoller::statistics);
  }

  private static void audience(PollSession s) {
    ApiResponse r =
        ok(
            s.send(
                1,
                Requests.get(
                    s.app().apiUrl(),
                    "/v2/user/info/",
                    Map.of("fields", "open_id,follower_count"))),
            "user/info");
    JsonNode user = r.json().path("data").path("user");
    if (user.has("follower_count")) {
      PollSteps.publishAudience(s, TIKTOK, r.observedAt(), user.path("follower_count").asLong());
    }
    PollSteps.audienceDone(s);
  }

  /** Follows video/list's cursor until a known video or has_more=false; resumable. */
  private static void discover(PollSession s) {
    PollSteps.discover(
        s,
        "discover.cursor",
        cursor -> {
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("max_count", 20);
          if (cursor != null) {
            body.put("cursor", Long.parseLong(cursor));
          }
          JsonNode data =
              ok(
                      s.send(
                          1,
                          Requests.postJson(
                              s.app().apiUrl(),
                              "/v2/video/list/",
                              Map.of("fields", VIDEO_FIELDS),
                              body)),
                      "video/list")
                  .json()
                  .path("data");
          Map<String, Instant> found = new LinkedHashMap<>();
          for (JsonNode v : data.path("videos")) {
            found.put(v.path("id").asText(), Instant.ofEpochSecond(v.path("create_time").asLong()));
          }
          found.remove("");
          boolean more = data.path("has_more").asBoolean(false);
          return new PollSteps.Page(found, more ? data.path("cursor").asText() : null);
        });
  }

  private static void statistics(PollSession s) {
    PollSteps.snapshotDue(
        s,
        20,
        due -> {
          Map<String, Object> body =
              Map.of("filters", Map.of("video_ids", List.copyOf(due.keySet())));
          ApiResponse r =
              ok(
                  s.send(
                      1,
                      Requests.postJson(
                          s.app().apiUrl(),
                          "/v2/video/query/",
                          Map.of("fields", VIDEO_FIELDS),
                          body)),
                  "video/query");
          Instant at = r.observedAt();
          List<StudioEvent> events = new ArrayList<>();
          for (JsonNode v : r.json().path("data").path("videos")) {
            String id = v.path("id").asText("");
            if (!due.containsKey(id)) {
              continue;
            }
            events.add(
                PollSteps.snapshot(
                    s,
                    TIKTOK,
                    id,
                    at,
                    new EventPayload.ContentSnapshot(
                        count(v, "view_count"),
                        null,
                        count(v, "like_count"),
                        count(v, "comment_count"),
                        count(v, "share_count"),
                        null)));
          }
          return events;
        });
  }

  /** TikTok answers errors as {@code {"error":{"code":"...","message":...}}}; "ok" is success. */
  private static ApiResponse ok(ApiResponse r, String what) {
    Requests.expectOk(r, what);
    String code = r.json().path("error").path("code").asText("ok");
    if (!"ok".equals(code)) {
      throw new PollException(what + " answered error " + code);
    }
    return r;
  }
}
