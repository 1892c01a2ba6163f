package io.aegntic.studio.ingest.simulator;

import static io.aegntic.studio.ingest.simulator.Payloads.obj;

import com.fasterxml.jackson.databind.JsonNode;
import io.aegntic.studio.events.EventJson;
import io.aegntic.studio.ingest.simulator.PlatformApiServer.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** TikTok API v2 user/info, video/list and video/query, answered from {@link ApiState}. */
final class TikTokApi implements PlatformApi {
  private static final Object OK = obj("code", "ok", "message", "", "log_id", "sim");
  private final ApiState state;
  private final int pageSize;

  TikTokApi(ApiState state, int pageSize) {
    this.state = state;
    this.pageSize = pageSize;
  }

  @Override
  public String platform() {
    return "tiktok";
  }

  @Override
  public String prefix() {
    return "/tiktok/";
  }

  @Override
  public String tokenPath() {
    return "/tiktok/v2/oauth/token/";
  }

  /** TikTok answers a refused grant with 200 and an error body. */
  @Override
  public Answer token(ApiState.Issued issued) {
    if (issued == null) {
      return Answer.json(
          200,
          obj(
              "error",
              "invalid_grant",
              "error_description",
              "Refresh token is invalid or expired.",
              "log_id",
              "sim"));
    }
    return Answer.json(
        200,
        obj(
            "access_token",
            issued.accessToken(),
            "expires_in",
            issued.expiresIn(),
            "open_id",
            issued.account(),
            "refresh_expires_in",
            31536000,
            "refresh_token",
            issued.refreshToken(),
            "scope",
            "user.info.basic,user.info.stats,video.list",
            "token_type",
            "Bearer"));
  }

  @Override
  public Answer answer(Call call, String openId) {
    return answer(call.path(), call.query(), call.body(), openId);
  }

  @Override
  public Answer unauthorized() {
    return Answer.json(
        401,
        obj(
            "data",
            obj(),
            "error",
            obj(
                "code",
                "access_token_invalid",
                "message",
                "The access token is invalid or not found in the request.",
                "log_id",
                "sim")));
  }

  Answer answer(String path, Map<String, List<String>> q, String body, String openId) {
    ApiState.Account a = state.account("tiktok", openId);
    JsonNode json;
    try {
      json =
          body.isEmpty()
              ? EventJson.mapper().createObjectNode()
              : EventJson.mapper().readTree(body);
    } catch (Exception e) {
      return Answer.json(
          400,
          obj(
              "data",
              obj(),
              "error",
              obj("code", "invalid_params", "message", "body is not JSON", "log_id", "sim")));
    }
    synchronized (state) {
      return switch (path) {
        case "/tiktok/v2/user/info/" ->
            Answer.json(
                200,
                obj(
                    "data",
                    obj("user", obj("open_id", a.id, "follower_count", a.followers)),
                    "error",
                    OK));
        case "/tiktok/v2/video/list/" -> list(a, json);
        case "/tiktok/v2/video/query/" -> query(a, json);
        default ->
            Answer.json(
                404,
                obj(
                    "data",
                    obj(),
                    "error",
                    obj("code", "not_found", "message", "", "log_id", "sim")));
      };
    }
  }

  /** Newest first; the cursor is the create_time (ms) below which the next page starts. */
  private Answer list(ApiState.Account a, JsonNode body) {
    int max = Math.min(pageSize, Math.min(20, body.path("max_count").asInt(20)));
    long cursor = body.path("cursor").asLong(Long.MAX_VALUE);
    List<Object> videos = new ArrayList<>();
    List<ApiState.Video> older =
        a.videos.stream().filter(v -> v.publishedAt.toEpochMilli() < cursor).toList();
    for (ApiState.Video v : older.subList(0, Math.min(max, older.size()))) {
      videos.add(video(v));
    }
    long next = videos.isEmpty() ? cursor : older.get(videos.size() - 1).publishedAt.toEpochMilli();
    boolean more = older.size() > videos.size();
    return Answer.json(
        200, obj("data", obj("videos", videos, "cursor", next, "has_more", more), "error", OK));
  }

  private Answer query(ApiState.Account a, JsonNode body) {
    List<String> ids = new ArrayList<>();
    body.path("filters").path("video_ids").forEach(n -> ids.add(n.asText()));
    if (ids.size() > 20) {
      return Answer.json(
          400,
          obj(
              "data",
              obj(),
              "error",
              obj("code", "invalid_params", "message", "at most 20 video_ids", "log_id", "sim")));
    }
    List<Object> videos = new ArrayList<>();
    for (ApiState.Video v : a.videos) {
      if (ids.contains(v.id)) {
        videos.add(video(v));
      }
    }
    return Answer.json(200, obj("data", obj("videos", videos), "error", OK));
  }

  private static Object video(ApiState.Video v) {
    return obj(
        "id",
        v.id,
        "create_time",
        v.publishedAt.getEpochSecond(),
        "view_count",
        v.views,
        "like_count",
        v.likes,
        "comment_count",
        v.comments,
        "share_count",
        v.shares);
  }
}
