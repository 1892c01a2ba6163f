package io.aegntic.studio.ingest.poll.x;

import static io.aegntic.studio.events.Platform.X;

import com.fasterxml.jackson.databind.JsonNode;
import io.aegntic.studio.events.EventIds;
import io.aegntic.studio.events.EventPayload;
import io.aegntic.studio.events.EventType;
import io.aegntic.studio.events.Platform;
import io.aegntic.studio.events.StudioEvent;
import io.aegntic.studio.ingest.poll.ApiResponse;
import io.aegntic.studio.ingest.poll.PlatformPoller;
import io.aegntic.studio.ingest.poll.PollException;
import io.aegntic.studio.ingest.poll.PollSession;
import io.aegntic.studio.ingest.poll.Requests;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * X API v2: {@code GET /2/users/:id} followers_count, {@code GET /2/users/:id/tweets}
 * (pagination_token / meta.next_token) to find posts, {@code GET /2/tweets?ids=} (100 ids) for
 * their public_metrics. The x-rate-limit-* headers and 429 pause the app (see RateHeaders).
 */
@Component
@ConditionalOnProperty(name = "studio.ingest.poll.enabled", havingValue = "true")
class XPoller implements PlatformPoller {
  static final String TWEET_FIELDS = "public_metrics,created_at";

  @Override
  public Platform platform() {
    return X;
  }

  @Override
  public void poll(PollSession s) {
    if (s.due("audience")) {
      audience(s);
    }
    if (s.due("discover")) {
      discover(s);
    }
    statistics(s);
  }

  private static void audience(PollSession s) {
    String user = s.connection().account();
    ApiResponse r =
        ok(
            s.send(
                1,
                Requests.get(
                    s.app().apiUrl(), "/2/users/" + user, Map.of("user.fields", "public_metrics"))),
            "users/:id");
    JsonNode metrics = r.json().path("data").path("public_metrics");
    if (metrics.has("followers_count")) {
      Instant at = r.observedAt();
      s.publish(
          List.of(
              StudioEvent.of(
                  EventIds.of(X, "audience", user, at.toString()),
                  EventType.AUDIENCE_SNAPSHOT,
                  X,
                  s.connection().creatorId(),
                  null,
                  null,
                  at,
                  s.now(),
                  new EventPayload.AudienceSnapshot(metrics.path("followers_count").asLong()))));
    }
    s.save(Map.of("audience.next", s.nextRun(s.properties().audienceInterval())));
  }

  /** Follows the timeline's next_token until a known post or the last page; resumable. */
  private static void discover(PollSession s) {
    for (int page = 0; page < s.properties().maxPages(); page++) {
      Map<String, String> q = new LinkedHashMap<>();
      q.put("tweet.fields", TWEET_FIELDS);
      q.put("max_results", "100");
      q.put("pagination_token", s.cursor("discover.cursor"));
      JsonNode body =
          ok(
                  s.send(
                      1,
                      Requests.get(
                          s.app().apiUrl(), "/2/users/" + s.connection().account() + "/tweets", q)),
                  "users/:id/tweets")
              .json();
      Map<String, Instant> found = new LinkedHashMap<>();
      for (JsonNode t : body.path("data")) {
        found.put(t.path("id").asText(), Instant.parse(t.path("created_at").asText()));
      }
      found.remove("");
      long added = s.addItems(found);
      String next = body.path("meta").path("next_token").asText("");
      if (added < found.size() || next.isEmpty()) {
        Map<String, String> done = new LinkedHashMap<>();
        done.put("discover.cursor", null);
        done.put("discover.next", s.nextRun(s.properties().discoverInterval()));
        s.save(done);
        return;
      }
      s.save(Map.of("discover.cursor", next));
    }
  }

  private static void statistics(PollSession s) {
    for (int batch = 0; batch < s.properties().maxPages(); batch++) {
      Map<String, Instant> due = s.dueItems(100);
      if (due.isEmpty()) {
        return;
      }
      ApiResponse r =
          ok(
              s.send(1, Requests.get(s.app().apiUrl(), "/2/tweets", tweetsQuery(due.keySet()))),
              "tweets");
      Instant at = r.observedAt();
      List<StudioEvent> events = new ArrayList<>();
      for (JsonNode t : r.json().path("data")) {
        String id = t.path("id").asText("");
        JsonNode m = t.path("public_metrics");
        if (!due.containsKey(id) || m.isMissingNode()) {
          continue;
        }
        events.add(
            StudioEvent.of(
                EventIds.of(X, "snapshot", id, at.toString()),
                EventType.CONTENT_SNAPSHOT,
                X,
                s.connection().creatorId(),
                id,
                null,
                at,
                s.now(),
                new EventPayload.ContentSnapshot(
                    null,
                    count(m, "impression_count"),
                    count(m, "like_count"),
                    count(m, "reply_count"),
                    sum(count(m, "retweet_count"), count(m, "quote_count")),
                    count(m, "bookmark_count"))));
      }
      s.publish(events);
      s.polled(due);
    }
  }

  /** ids first, in a fixed order (Map.of's iteration order differs from one JVM to the next). */
  private static Map<String, String> tweetsQuery(java.util.Set<String> ids) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("ids", String.join(",", ids));
    q.put("tweet.fields", TWEET_FIELDS);
    return q;
  }

  /** X answers errors as RFC 7807 problems: {@code {"title":...,"detail":...,"status":...}}. */
  private static ApiResponse ok(ApiResponse r, String what) {
    if (!r.ok()) {
      JsonNode p = r.json();
      throw new PollException(
          what
              + " answered "
              + r.status()
              + " "
              + p.path("title").asText("")
              + ": "
              + p.path("detail").asText(""));
    }
    return r;
  }

  private static Long count(JsonNode m, String field) {
    JsonNode n = m.get(field);
    return n == null || n.isNull() ? null : n.asLong();
  }

  private static Long sum(Long a, Long b) {
    return a == null ? b : b == null ? a : a + b;
  }
}
