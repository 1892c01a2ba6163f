package io.aegntic.studio.ingest.simulator;

import static io.aegntic.studio.ingest.simulator.Payloads.obj;

import io.aegntic.studio.ingest.simulator.PlatformApiServer.Answer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * X API v2 users/:id, users/:id/tweets and tweets lookup, answered from {@link ApiState}; every
 * answer carries x-rate-limit-limit/remaining/reset of a 15-minute window per endpoint and user,
 * and a spent window answers 429.
 */
final class XApi implements PlatformApi {
  static final int LIMIT = 900;
  private static final Duration WINDOW = Duration.ofMinutes(15);
  private final ApiState state;
  private final int pageSize;
  private final Clock clock;
  private final Map<String, long[]> windows = new HashMap<>();

  XApi(ApiState state, int pageSize, Clock clock) {
    this.state = state;
    this.pageSize = pageSize;
    this.clock = clock;
  }

  @Override
  public String platform() {
    return "x";
  }

  @Override
  public String prefix() {
    return "/x/2/";
  }

  @Override
  public String tokenPath() {
    return "/x/2/oauth2/token";
  }

  @Override
  public Answer unauthorized() {
    return problem(401, "Unauthorized", "Unauthorized", "about:blank");
  }

  @Override
  public Answer token(ApiState.Issued issued) {
    if (issued == null) {
      return Answer.json(
          400,
          obj(
              "error",
              "invalid_request",
              "error_description",
              "Value passed for the token was invalid."));
    }
    return Answer.json(
        200,
        obj(
            "token_type",
            "bearer",
            "expires_in",
            issued.expiresIn(),
            "access_token",
            issued.accessToken(),
            "scope",
            "tweet.read users.read offline.access",
            "refresh_token",
            issued.refreshToken()));
  }

  @Override
  public Answer answer(Call call, String user) {
    String[] parts = call.path().substring(prefix().length()).split("/");
    String endpoint =
        parts.length == 3 && parts[0].equals("users") && parts[2].equals("tweets")
            ? "users/:id/tweets"
            : parts.length == 2 && parts[0].equals("users")
                ? "users/:id"
                : parts.length == 1 && parts[0].equals("tweets") ? "tweets" : null;
    if (endpoint == null) {
      return problem(404, "Not Found Error", "No such endpoint", "about:blank");
    }
    Map<String, String> limit = limit(endpoint + " " + user);
    if (limit.get("x-rate-limit-remaining").equals("-1")) {
      limit.put("x-rate-limit-remaining", "0");
      return problem(429, "Too Many Requests", "Too Many Requests", "about:blank").with(limit);
    }
    ApiState.Account a = state.account("x", user);
    synchronized (state) {
      Answer out =
          switch (endpoint) {
            case "users/:id" -> user(a, parts[1]);
            case "users/:id/tweets" -> timeline(a, parts[1], call);
            default -> lookup(a, call.param("ids"));
          };
      return out.with(limit);
    }
  }

  private Answer user(ApiState.Account a, String id) {
    if (!a.id.equals(id)) {
      return problem(403, "Forbidden", "Not the authorised user", "about:blank");
    }
    return Answer.json(
        200,
        obj(
            "data",
            obj(
                "id",
                a.id,
                "name",
                "demo",
                "username",
                "demo" + a.id.substring(a.id.length() - 4),
                "public_metrics",
                obj(
                    "followers_count",
                    a.followers,
                    "following_count",
                    120,
                    "tweet_count",
                    a.videos.size(),
                    "listed_count",
                    3))));
  }

  /** Newest first; next_token is an opaque offset, absent on the last page. */
  private Answer timeline(ApiState.Account a, String id, Call call) {
    if (!a.id.equals(id)) {
      return problem(403, "Forbidden", "Not the authorised user", "about:blank");
    }
    int max = call.param("max_results") == null ? 10 : Integer.parseInt(call.param("max_results"));
    if (max < 5 || max > 100) {
      return problem(
          400,
          "Invalid Request",
          "The `max_results` query parameter value [" + max + "] is not between 5 and 100",
          "https://api.twitter.com/2/problems/invalid-request");
    }
    String token = call.param("pagination_token");
    int from = token == null ? 0 : Integer.parseInt(token.substring(4), 16);
    int to = Math.min(a.videos.size(), from + Math.min(max, pageSize));
    List<Object> data = new ArrayList<>();
    for (ApiState.Video v : a.videos.subList(Math.min(from, to), to)) {
      data.add(tweet(v));
    }
    Map<String, Object> meta = new HashMap<>();
    meta.put("result_count", data.size());
    if (!data.isEmpty()) {
      meta.put("newest_id", a.videos.get(from).id);
      meta.put("oldest_id", a.videos.get(to - 1).id);
    }
    if (to < a.videos.size()) {
      meta.put("next_token", "7140" + Integer.toHexString(to));
    }
    return Answer.json(200, data.isEmpty() ? obj("meta", meta) : obj("data", data, "meta", meta));
  }

  /** Up to 100 ids; unknown ones come back as partial errors next to the data. */
  private Answer lookup(ApiState.Account a, String ids) {
    List<String> wanted = ids == null ? List.of() : List.of(ids.split(","));
    if (wanted.isEmpty() || wanted.size() > 100) {
      return problem(
          400,
          "Invalid Request",
          "The `ids` query parameter must name 1 to 100 ids",
          "https://api.twitter.com/2/problems/invalid-request");
    }
    List<Object> data = new ArrayList<>();
    List<Object> errors = new ArrayList<>();
    for (String id : wanted) {
      ApiState.Video v = a.videos.stream().filter(t -> t.id.equals(id)).findFirst().orElse(null);
      if (v == null) {
        errors.add(
            obj(
                "value", id,
                "detail", "Could not find tweet with ids: [" + id + "].",
                "title", "Not Found Error",
                "resource_type", "tweet",
                "parameter", "ids",
                "resource_id", id,
                "type", "https://api.twitter.com/2/problems/resource-not-found"));
      } else {
        data.add(tweet(v));
      }
    }
    return Answer.json(
        200, errors.isEmpty() ? obj("data", data) : obj("data", data, "errors", errors));
  }

  private static Object tweet(ApiState.Video v) {
    long quotes = v.shares / 5;
    return obj(
        "id",
        v.id,
        "text",
        "demo post " + v.id,
        "created_at",
        v.publishedAt.toString(),
        "edit_history_tweet_ids",
        List.of(v.id),
        "public_metrics",
        obj(
            "retweet_count",
            v.shares - quotes,
            "reply_count",
            v.comments,
            "like_count",
            v.likes,
            "quote_count",
            quotes,
            "bookmark_count",
            v.saves,
            "impression_count",
            v.views));
  }

  /** Counts a request in its window; remaining "-1" means the window was already spent. */
  private synchronized Map<String, String> limit(String key) {
    Instant now = clock.instant();
    long[] w = windows.get(key);
    if (w == null || now.getEpochSecond() >= w[0]) {
      w = new long[] {now.plus(WINDOW).getEpochSecond(), LIMIT};
      windows.put(key, w);
    }
    w[1]--;
    Map<String, String> h = new HashMap<>();
    h.put("x-rate-limit-limit", Integer.toString(LIMIT));
    h.put("x-rate-limit-remaining", Long.toString(Math.max(-1, w[1])));
    h.put("x-rate-limit-reset", Long.toString(w[0]));
    if (w[1] < -1) {
      w[1] = -1;
    }
    return h;
  }

  private static Answer problem(int status, String title, String detail, String type) {
    return Answer.json(
        status, obj("title", title, "detail", detail, "type", type, "status", status));
  }
}
