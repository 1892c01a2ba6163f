package io.aegntic.studio.ingest.simulator;

import static io.aegntic.studio.ingest.simulator.Payloads.obj;

import io.aegntic.studio.events.EventJson;
import io.aegntic.studio.ingest.simulator.PlatformApiServer.Answer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Instagram API with Instagram Login (graph.instagram.com) under {@code /instagram/v21.0}: the IG
 * user, its media (cursor paging) and media insights, answered from {@link ApiState}; long-lived
 * tokens renewed at {@code /instagram/refresh_access_token}. Every answer carries X-App-Usage
 * (calls per hour in percent of {@link #CALLS_PER_HOUR}); at 100 % calls fail with error code 4.
 */
final class InstagramApi implements PlatformApi {
  static final int CALLS_PER_HOUR = 4800;
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ").withZone(ZoneOffset.UTC);
  private final ApiState state;
  private final int pageSize;
  private final Clock clock;
  private final Map<String, long[]> hours = new HashMap<>();

  InstagramApi(ApiState state, int pageSize, Clock clock) {
    this.state = state;
    this.pageSize = pageSize;
    this.clock = clock;
  }

  @Override
  public String platform() {
    return "instagram";
  }

  @Override
  public String prefix() {
    return "/instagram/v";
  }

  @Override
  public String tokenPath() {
    return "/instagram/refresh_access_token";
  }

  @Override
  public Answer unauthorized() {
    return error(400, "Error validating access token: Session has expired or is invalid", 190);
  }

  /** Graph API takes the token as a query parameter or as a bearer header. */
  @Override
  public String authorise(ApiState s, Call call, Instant now) {
    String token = call.param("access_token");
    return s.authorised(platform(), token != null ? token : call.bearer(), now);
  }

  @Override
  public Answer token(Call call, ApiState s, Instant now) {
    ApiState.Issued issued =
        "ig_refresh_token".equals(call.param("grant_type"))
            ? s.exchange(platform(), call.param("access_token"), now)
            : null;
    return token(issued);
  }

  @Override
  public Answer token(ApiState.Issued issued) {
    if (issued == null) {
      return error(400, "Error validating access token: Session has expired", 190);
    }
    return Answer.json(
        200,
        obj(
            "access_token",
            issued.accessToken(),
            "token_type",
            "bearer",
            "expires_in",
            issued.expiresIn()));
  }

  @Override
  public Answer answer(Call call, String user) {
    String[] parts = call.path().substring("/instagram/".length()).split("/");
    long usage = usage(user);
    Map<String, String> h =
        Map.of(
            "X-App-Usage",
            EventJson.writeString(
                obj("call_count", usage, "total_cputime", usage / 4, "total_time", usage / 3)));
    if (usage > 100) {
      return error(403, "(#4) Application request limit reached", 4).with(h);
    }
    ApiState.Account a = state.account("instagram", user);
    synchronized (state) {
      Answer out;
      if (parts.length == 2 && parts[1].equals(user)) {
        out =
            Answer.json(
                200,
                obj("followers_count", a.followers, "media_count", a.videos.size(), "id", a.id));
      } else if (parts.length == 3 && parts[1].equals(user) && parts[2].equals("media")) {
        out = media(a, call);
      } else if (parts.length == 3 && parts[2].equals("insights")) {
        out = insights(a, parts[1], call.param("metric"));
      } else {
        out =
            error(
                400,
                "Unsupported get request. Object with ID '"
                    + (parts.length > 1 ? parts[1] : "")
                    + "' does not exist, cannot be loaded due to missing permissions, or does not"
                    + " support this operation",
                100);
      }
      return out.with(h);
    }
  }

  /** Newest first; cursors are opaque (base64 offsets); paging.next is absent on the last page. */
  private Answer media(ApiState.Account a, Call call) {
    int limit = call.param("limit") == null ? 25 : Integer.parseInt(call.param("limit"));
    String after = call.param("after");
    int from =
        after == null
            ? 0
            : Integer.parseInt(
                new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8));
    int to = Math.min(a.videos.size(), from + Math.min(limit, pageSize));
    List<Object> data = new ArrayList<>();
    for (ApiState.Video v : a.videos.subList(Math.min(from, to), to)) {
      data.add(
          obj(
              "id",
              v.id,
              "timestamp",
              TIMESTAMP.format(v.publishedAt),
              "like_count",
              v.likes,
              "comments_count",
              v.comments));
    }
    Map<String, Object> paging = new HashMap<>();
    String next = cursor(to);
    paging.put("cursors", obj("before", cursor(from), "after", next));
    if (to < a.videos.size()) {
      paging.put(
          "next",
          "https://graph.instagram.com/v21.0/"
              + a.id
              + "/media?fields="
              + call.param("fields")
              + "&limit="
              + limit
              + "&after="
              + next);
    }
    return Answer.json(200, obj("data", data, "paging", paging));
  }

  private Answer insights(ApiState.Account a, String mediaId, String metric) {
    ApiState.Video v = a.videos.stream().filter(m -> m.id.equals(mediaId)).findFirst().orElse(null);
    if (v == null) {
      return error(
          400, "Unsupported get request. Object with ID '" + mediaId + "' does not exist", 100);
    }
    Map<String, Long> values = new HashMap<>();
    values.put("views", v.views);
    values.put("reach", Math.round(v.views * 0.7));
    values.put("likes", v.likes);
    values.put("comments", v.comments);
    values.put("shares", v.shares);
    values.put("saved", v.saves);
    values.put("total_interactions", v.likes + v.comments + v.shares + v.saves);
    List<Object> data = new ArrayList<>();
    for (String name : (metric == null ? "" : metric).split(",")) {
      if (!values.containsKey(name)) {
        return error(
            400, "(#100) metric[0] must be one of the following values: " + values.keySet(), 100);
      }
      data.add(
          obj(
              "name",
              name,
              "period",
              "lifetime",
              "values",
              List.of(obj("value", values.get(name))),
              "title",
              name,
              "description",
              "lifetime " + name,
              "id",
              mediaId + "/insights/" + name + "/lifetime"));
    }
    return Answer.json(200, obj("data", data));
  }

  /** Calls of this user in the current hour, in percent of the hourly allowance. */
  private synchronized long usage(String user) {
    long hour = clock.instant().getEpochSecond() / 3600;
    long[] h = hours.computeIfAbsent(user, k -> new long[2]);
    if (h[0] != hour) {
      h[0] = hour;
      h[1] = 0;
    }
    h[1]++;
    return h[1] * 100 / CALLS_PER_HOUR;
  }

  private static String cursor(int offset) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(Integer.toString(offset).getBytes(StandardCharsets.UTF_8));
  }

  static Answer error(int status, String message, int code) {
    return Answer.json(
        status,
        obj(
            "error",
            obj(
                "message",
                message,
                "type",
                code == 190 ? "OAuthException" : "IGApiException",
                "code",
                code,
                "fbtrace_id",
                "sim")));
  }
}
