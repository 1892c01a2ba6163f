package io.aegntic.studio.ingest.poll.instagram;

import static io.aegntic.studio.events.Platform.INSTAGRAM;

import com.fasterxml.jackson.databind.JsonNode;
import io.aegntic.studio.events.EventPayload;
import io.aegntic.studio.events.Platform;
import io.aegntic.studio.ingest.poll.ApiResponse;
import io.aegntic.studio.ingest.poll.PlatformPoller;
import io.aegntic.studio.ingest.poll.PollException;
import io.aegntic.studio.ingest.poll.PollSession;
import io.aegntic.studio.ingest.poll.PollSteps;
import io.aegntic.studio.ingest.poll.RateLimiter;
import io.aegntic.studio.ingest.poll.Requests;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Instagram API with Instagram Login (graph.instagram.com, versioned): {@code GET /{ig-user-id}}
 * followers_count, {@code GET /{ig-user-id}/media} (paging.cursors.after until no paging.next) to
 * find media, {@code GET /{media-id}/insights} for views, likes, comments, shares and saves. Tokens
 * are long-lived and renewed by exchanging them before expiry; Meta's throttling error codes pause.
 */
@Component
@ConditionalOnProperty(name = "studio.ingest.poll.enabled", havingValue = "true")
class InstagramPoller implements PlatformPoller {
  static final String METRICS = "views,likes,comments,shares,saved";

  /** Meta's throttling codes: app (4), user (17), page (32), action (613), IG BUC (80002). */
  private static final Set<Integer> THROTTLED = Set.of(4, 17, 32, 613, 80002);

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

  @Override
  public Platform platform() {
    return INSTAGRAM;
  }

  @Override
  public Renewal renewal() {
    return Renewal.EXCHANGE_ACCESS_TOKEN;
  }

  /** Graph API answers a refused token with OAuthException code 190 (status 400 or 401). */
  @Override
  public boolean unauthorized(ApiResponse r) {
    return r.status() == 401
        || (r.status() == 400 && r.json().path("error").path("code").asInt() == 190);
  }

  @Override
  public void inspect(ApiResponse r, RateLimiter limiter) {
    int code = r.json().path("error").path("code").asInt(0);
    if (!r.ok() && THROTTLED.contains(code)) {
      limiter.pause(r.received().plus(Duration.ofMinutes(5)), "Meta throttling error code " + code);
    }
  }

  @Override
  public void poll(PollSession s) {
    PollSteps.cycle(
        s, InstagramPoller::audience, InstagramPoller::discover, InstagramPoller::insights);
  }

  private static void audience(PollSession s) {
    String user = s.connection().account();
    ApiResponse r =
        ok(
            s.send(
                1,
                Requests.get(
                    s.app().apiUrl(), "/" + user, Map.of("fields", "followers_count,media_count"))),
            "ig-user");
    JsonNode body = r.json();
    if (body.has("followers_count")) {
      PollSteps.publishAudience(
          s, INSTAGRAM, r.observedAt(), body.path("followers_count").asLong());
    }
    PollSteps.audienceDone(s);
  }

  /** Follows paging.cursors.after until a known media object or no paging.next; resumable. */
  private static void discover(PollSession s) {
    PollSteps.discover(
        s,
        "discover.cursor",
        cursor -> {
          Map<String, String> q = new LinkedHashMap<>();
          q.put("fields", "id,timestamp,like_count,comments_count");
          q.put("limit", "50");
          q.put("after", cursor);
          JsonNode body =
              ok(
                      s.send(
                          1,
                          Requests.get(
                              s.app().apiUrl(), "/" + s.connection().account() + "/media", q)),
                      "ig-user/media")
                  .json();
          Map<String, Instant> found = new LinkedHashMap<>();
          for (JsonNode m : body.path("data")) {
            found.put(
                m.path("id").asText(),
                OffsetDateTime.parse(m.path("timestamp").asText(), TIMESTAMP).toInstant());
          }
          found.remove("");
          JsonNode paging = body.path("paging");
          String after = paging.path("cursors").path("after").asText("");
          boolean last = !paging.hasNonNull("next") || after.isEmpty();
          return new PollSteps.Page(found, last ? null : after);
        });
  }

  /** One insights request per due media object (the API takes one id a call). */
  private static void insights(PollSession s) {
    for (Map.Entry<String, Instant> m : s.dueItems(s.properties().maxPages()).entrySet()) {
      ApiResponse r =
          ok(
              s.send(
                  1,
                  Requests.get(
                      s.app().apiUrl(), "/" + m.getKey() + "/insights", Map.of("metric", METRICS))),
              "media/insights");
      Map<String, Long> values = new LinkedHashMap<>();
      for (JsonNode metric : r.json().path("data")) {
        JsonNode total = metric.path("total_value").path("value");
        JsonNode first = metric.path("values").path(0).path("value");
        JsonNode v = total.isNumber() ? total : first;
        if (v.isNumber()) {
          values.put(metric.path("name").asText(), v.asLong());
        }
      }
      Instant at = r.observedAt();
      s.publish(
          List.of(
              PollSteps.snapshot(
                  s,
                  INSTAGRAM,
                  m.getKey(),
                  at,
                  new EventPayload.ContentSnapshot(
                      values.get("views"),
                      null,
                      values.get("likes"),
                      values.get("comments"),
                      values.get("shares"),
                      values.get("saved")))));
      s.polled(Map.of(m.getKey(), m.getValue()));
    }
  }

  /** Graph API errors: {@code {"error":{"message","type","code","error_subcode","fbtrace_id"}}}. */
  private static ApiResponse ok(ApiResponse r, String what) {
    if (!r.ok()) {
      JsonNode e = r.json().path("error");
      throw new PollException(
          what
              + " answered "
              + r.status()
              + " "
              + e.path("type").asText("")
              + " code "
              + e.path("code").asText("?")
              + ": "
              + e.path("message").asText(""));
    }
    return r;
  }
}
