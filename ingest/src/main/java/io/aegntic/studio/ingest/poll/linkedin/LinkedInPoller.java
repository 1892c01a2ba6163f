package io.aegntic.studio.ingest.poll.linkedin;

import static io.aegntic.studio.events.Platform.LINKEDIN;
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
import io.aegntic.studio.ingest.poll.RateLimiter;
import io.aegntic.studio.ingest.poll.Requests;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * LinkedIn Community Management API (versioned {@code /rest}): organization follower count from
 * networkSizes, the organization's posts (start/count paging to paging.total) and per-post
 * totalShareStatistics from organizationalEntityShareStatistics. A 429 naming a DAY limit, or one
 * without {@code Retry-After}, means a daily application or member limit is spent: paused until
 * midnight UTC, when LinkedIn resets them. A 429 with {@code Retry-After} is a short throttle: the
 * app waits that long (RateHeaders), not the rest of the day.
 */
@Component
@ConditionalOnProperty(name = "studio.ingest.poll.enabled", havingValue = "true")
class LinkedInPoller implements PlatformPoller {
  /**
   * The LinkedIn-Version (YYYYMM) when {@code apps.linkedin.api-version} is not set; LinkedIn
   * sunsets a version about a year after its release, so deployments set a current one.
   */
  static final String DEFAULT_VERSION = "202603";

  private static final int PAGE = 50;
  private static final int SHARES_PER_CALL = 20;

  @Override
  public Platform platform() {
    return LINKEDIN;
  }

  @Override
  public void inspect(ApiResponse r, RateLimiter limiter) {
    if (r.status() == 429 && dailyLimit(r)) {
      limiter.quotaExhausted(
          "LinkedIn daily limit reached (429 " + r.json().path("message").asText("") + ")");
    }
  }

  private static boolean dailyLimit(ApiResponse r) {
    return r.headers().firstValue("retry-after").isEmpty()
        || r.json().path("message").asText("").toUpperCase(Locale.ROOT).contains("DAY LIMIT");
  }

  @Override
  public void poll(PollSession s) {
    PollSteps.cycle(
        s, LinkedInPoller::audience, LinkedInPoller::discover, LinkedInPoller::statistics);
  }

  private static String org(PollSession s) {
    return "urn:li:organization:" + s.connection().account();
  }

  private static void audience(PollSession s) {
    ApiResponse r =
        ok(
            s.send(
                1,
                versioned(
                    s,
                    Requests.get(
                        s.app().apiUrl(),
                        "/rest/networkSizes/" + enc(org(s)),
                        Map.of("edgeType", "COMPANY_FOLLOWED_BY_COMPANY")))),
            "networkSizes");
    JsonNode body = r.json();
    if (body.has("firstDegreeSize")) {
      PollSteps.publishAudience(s, LINKEDIN, r.observedAt(), body.path("firstDegreeSize").asLong());
    }
    PollSteps.audienceDone(s);
  }

  /** Pages through the organization's posts (newest first) until a known one or paging.total. */
  private static void discover(PollSession s) {
    PollSteps.discover(
        s,
        "discover.cursor",
        cursor -> {
          int start = cursor == null ? 0 : Integer.parseInt(cursor);
          Map<String, String> q = new LinkedHashMap<>();
          q.put("q", "author");
          q.put("author", org(s));
          q.put("start", Integer.toString(start));
          q.put("count", Integer.toString(PAGE));
          JsonNode body =
              ok(s.send(1, versioned(s, Requests.get(s.app().apiUrl(), "/rest/posts", q))), "posts")
                  .json();
          Map<String, Instant> found = new LinkedHashMap<>();
          for (JsonNode p : body.path("elements")) {
            JsonNode at = p.hasNonNull("publishedAt") ? p.get("publishedAt") : p.path("createdAt");
            found.put(p.path("id").asText(), Instant.ofEpochMilli(at.asLong()));
          }
          found.remove("");
          JsonNode paging = body.path("paging");
          int next = paging.path("start").asInt(start) + found.size();
          boolean more = !found.isEmpty() && next < paging.path("total").asInt(0);
          return new PollSteps.Page(found, more ? Integer.toString(next) : null);
        });
  }

  private static void statistics(PollSession s) {
    PollSteps.snapshotDue(
        s,
        SHARES_PER_CALL,
        due -> {
          ApiResponse r = ok(s.send(1, statisticsRequest(s, due.keySet())), "shareStatistics");
          Instant at = r.observedAt();
          List<StudioEvent> events = new ArrayList<>();
          for (JsonNode e : r.json().path("elements")) {
            String post =
                e.hasNonNull("share") ? e.get("share").asText() : e.path("ugcPost").asText();
            JsonNode t = e.path("totalShareStatistics");
            if (!due.containsKey(post) || t.isMissingNode()) {
              continue;
            }
            events.add(
                PollSteps.snapshot(
                    s,
                    LINKEDIN,
                    post,
                    at,
                    new EventPayload.ContentSnapshot(
                        null,
                        count(t, "impressionCount"),
                        count(t, "likeCount"),
                        count(t, "commentCount"),
                        count(t, "shareCount"),
                        null)));
          }
          return events;
        });
  }

  /**
   * Rest.li 2.0 list syntax: {@code shares=List(urn%3Ali%3Ashare%3A1,...)}, the parentheses and
   * commas unencoded, so this query is built by hand.
   */
  private static HttpRequest.Builder statisticsRequest(PollSession s, java.util.Set<String> posts) {
    Map<String, List<String>> byKind = new LinkedHashMap<>();
    for (String p : posts) {
      byKind
          .computeIfAbsent(
              p.startsWith("urn:li:ugcPost:") ? "ugcPosts" : "shares", k -> new ArrayList<>())
          .add(p);
    }
    String lists =
        byKind.entrySet().stream()
            .map(
                e ->
                    e.getKey()
                        + "=List("
                        + e.getValue().stream()
                            .map(LinkedInPoller::enc)
                            .collect(Collectors.joining(","))
                        + ")")
            .collect(Collectors.joining("&"));
    String base = s.app().apiUrl().replaceAll("/$", "");
    URI uri =
        URI.create(
            base
                + "/rest/organizationalEntityShareStatistics?q=organizationalEntity&organizationalEntity="
                + enc(org(s))
                + "&"
                + lists);
    return versioned(s, HttpRequest.newBuilder(uri).GET());
  }

  private static HttpRequest.Builder versioned(PollSession s, HttpRequest.Builder b) {
    String version = s.app().apiVersion();
    return b.header(
            "LinkedIn-Version", version == null || version.isBlank() ? DEFAULT_VERSION : version)
        .header("X-Restli-Protocol-Version", "2.0.0");
  }

  /** LinkedIn errors: {@code {"status":..,"serviceErrorCode":..,"code":"..","message":".."}}. */
  private static ApiResponse ok(ApiResponse r, String what) {
    if (!r.ok()) {
      JsonNode e = r.json();
      throw new PollException(
          what
              + " answered "
              + r.status()
              + " "
              + e.path("code").asText("")
              + ": "
              + e.path("message").asText(""));
    }
    return r;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
