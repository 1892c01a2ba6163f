package io.aegntic.studio.ingest.poll.x;

import static io.aegntic.studio.events.Platform.X;
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

  /** X's token endpoint wants confidential clients' credentials as HTTP Basic. */
  @Override
  public boolean basicClientAuth() {
    return true;
  }

  @Override
  public void poll(PollSession s) {
    PollSteps.cycle(s, XPoller::audience, XPoller::discover, XPoller::statistics);
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
      PollSteps.publishAudience(s, X, r.observedAt(), metrics.path("followers_count").asLong());
    }
    PollSteps.audienceDone(s);
  }

  /** Follows the timeline's next_token until a known post or the last page; resumable. */
  private static void discover(PollSession s) {
    PollSteps.discover(
        s,
        "discover.cursor",
        cursor -> {
          Map<String, String> q = new LinkedHashMap<>();
          q.put("tweet.fields", TWEET_FIELDS);
          q.put("max_results", "100");
          q.put("pagination_token", cursor);
          JsonNode body =
              ok(
                      s.send(
                          1,
                          Requests.get(
                              s.app().apiUrl(),
                              "/2/users/" + s.connection().account() + "/tweets",
                              q)),
                      "users/:id/tweets")
                  .json();
          Map<String, Instant> found = new LinkedHashMap<>();
          for (JsonNode t : body.path("data")) {
            found.put(t.path("id").asText(), Instant.parse(t.path("created_at").asText()));
          }
          found.remove("");
          String next = body.path("meta").path("next_token").asText("");
          return new PollSteps.Page(found, next.isEmpty() ? null : next);
        });
  }

  private static void statistics(PollSession s) {
    PollSteps.snapshotDue(
        s,
        100,
        due -> {
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
                PollSteps.snapshot(
                    s,
                    X,
                    id,
                    at,
                    new EventPayload.ContentSnapshot(
                        null,
                        count(m, "impression_count"),
                        count(m, "like_count"),
                        count(m, "reply_count"),
                        sum(count(m, "retweet_count"), count(m, "quote_count")),
                        count(m, "bookmark_count"))));
          }
          return events;
        });
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

  private static Long sum(Long a, Long b) {
    return a == null ? b : b == null ? a : a + b;
  }
}
