package io.aegntic.studio.ingest.simulator;

import static io.aegntic.studio.ingest.simulator.Payloads.obj;

import io.aegntic.studio.ingest.simulator.PlatformApiServer.Answer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** YouTube Data API v3 list methods the poller calls, answered from {@link ApiState}. */
final class YouTubeApi implements PlatformApi {
  private final ApiState state;
  private final int pageSize;

  YouTubeApi(ApiState state, int pageSize) {
    this.state = state;
    this.pageSize = pageSize;
  }

  @Override
  public String platform() {
    return "youtube";
  }

  @Override
  public String prefix() {
    return "/youtube/";
  }

  @Override
  public String tokenPath() {
    return "/oauth2/google/token";
  }

  @Override
  public boolean etags() {
    return true;
  }

  @Override
  public Answer token(ApiState.Issued issued) {
    if (issued == null) {
      return Answer.json(
          400,
          obj("error", "invalid_grant", "error_description", "Token has been expired or revoked."));
    }
    return Answer.json(
        200,
        obj(
            "access_token",
            issued.accessToken(),
            "expires_in",
            issued.expiresIn(),
            "scope",
            "https://www.googleapis.com/auth/youtube.readonly",
            "token_type",
            "Bearer"));
  }

  @Override
  public Answer answer(Call call, String channel) {
    return answer(call.path(), call.query(), channel);
  }

  @Override
  public Answer unauthorized() {
    return Answer.json(
        401,
        obj(
            "error",
            obj(
                "code",
                401,
                "message",
                "Request had invalid authentication credentials.",
                "errors",
                List.of(
                    obj(
                        "message",
                        "Invalid Credentials",
                        "domain",
                        "global",
                        "reason",
                        "authError",
                        "location",
                        "Authorization",
                        "locationType",
                        "header")),
                "status",
                "UNAUTHENTICATED")));
  }

  Answer answer(String path, Map<String, List<String>> q, String channel) {
    ApiState.Account a = state.account("youtube", channel);
    synchronized (state) {
      return switch (path) {
        case "/youtube/v3/channels" -> channels(a, PlatformApiServer.first(q, "id"));
        case "/youtube/v3/playlistItems" -> playlistItems(a, q);
        case "/youtube/v3/videos" -> videos(a, PlatformApiServer.first(q, "id"));
        case "/youtube/v3/commentThreads" -> comments(a, q);
        default ->
            Answer.json(
                404,
                obj(
                    "error",
                    obj(
                        "code",
                        404,
                        "message",
                        "Not Found",
                        "errors",
                        List.of(obj("reason", "notFound", "domain", "global")))));
      };
    }
  }

  private Answer channels(ApiState.Account a, String id) {
    List<Object> items = new ArrayList<>();
    if (a.id.equals(id)) {
      items.add(
          obj(
              "kind",
              "youtube#channel",
              "id",
              a.id,
              "contentDetails",
              obj("relatedPlaylists", obj("likes", "", "uploads", "UU" + a.id.substring(2))),
              "statistics",
              obj(
                  "viewCount", Long.toString(a.videos.stream().mapToLong(v -> v.views).sum()),
                  "subscriberCount", Long.toString(a.followers),
                  "hiddenSubscriberCount", false,
                  "videoCount", Integer.toString(a.videos.size()))));
    }
    return list("youtube#channelListResponse", items, null, items.size());
  }

  private Answer playlistItems(ApiState.Account a, Map<String, List<String>> q) {
    int from = offset(PlatformApiServer.first(q, "pageToken"));
    int size = size(q, 50);
    List<Object> items = new ArrayList<>();
    for (int i = from; i < Math.min(from + size, a.videos.size()); i++) {
      ApiState.Video v = a.videos.get(i);
      items.add(
          obj(
              "kind",
              "youtube#playlistItem",
              "id",
              "PLI" + v.id,
              "contentDetails",
              obj("videoId", v.id, "videoPublishedAt", v.publishedAt.toString())));
    }
    return list(
        "youtube#playlistItemListResponse",
        items,
        token(from + size, a.videos.size()),
        a.videos.size());
  }

  private Answer videos(ApiState.Account a, String ids) {
    List<String> wanted = ids == null ? List.of() : List.of(ids.split(","));
    List<Object> items = new ArrayList<>();
    for (ApiState.Video v : a.videos) {
      if (wanted.contains(v.id)) {
        items.add(
            obj(
                "kind",
                "youtube#video",
                "id",
                v.id,
                "statistics",
                obj(
                    "viewCount",
                    Long.toString(v.views),
                    "likeCount",
                    Long.toString(v.likes),
                    "favoriteCount",
                    "0",
                    "commentCount",
                    Long.toString(v.comments))));
      }
    }
    return list("youtube#videoListResponse", items, null, items.size());
  }

  private Answer comments(ApiState.Account a, Map<String, List<String>> q) {
    int from = offset(PlatformApiServer.first(q, "pageToken"));
    int size = size(q, 20);
    List<Object> items = new ArrayList<>();
    for (int i = from; i < Math.min(from + size, a.comments.size()); i++) {
      ApiState.Comment c = a.comments.get(i);
      Object snippet =
          obj(
              "channelId", a.id,
              "videoId", c.video(),
              "textDisplay", c.text(),
              "textOriginal", c.text(),
              "authorDisplayName", "@fan" + c.author().hashCode() % 1000,
              "authorChannelId", obj("value", c.author()),
              "canRate", true,
              "viewerRating", "none",
              "likeCount", 0,
              "publishedAt", c.at().toString(),
              "updatedAt", c.at().toString());
      items.add(
          obj(
              "kind", "youtube#commentThread",
              "id", c.id(),
              "snippet",
                  obj(
                      "channelId",
                      a.id,
                      "videoId",
                      c.video(),
                      "topLevelComment",
                      obj("kind", "youtube#comment", "id", c.id(), "snippet", snippet),
                      "canReply",
                      true,
                      "totalReplyCount",
                      0,
                      "isPublic",
                      true)));
    }
    return list(
        "youtube#commentThreadListResponse",
        items,
        token(from + size, a.comments.size()),
        a.comments.size());
  }

  private int size(Map<String, List<String>> q, int dflt) {
    String m = PlatformApiServer.first(q, "maxResults");
    return Math.min(pageSize, m == null ? dflt : Integer.parseInt(m));
  }

  private static Answer list(String kind, List<Object> items, String next, int total) {
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("kind", kind);
    if (next != null) {
      body.put("nextPageToken", next);
    }
    body.put("pageInfo", obj("totalResults", total, "resultsPerPage", items.size()));
    body.put("items", items);
    return Answer.json(200, body);
  }

  /** Opaque page tokens, as YouTube's are; here they encode an offset. */
  private static String token(int offset, int total) {
    return offset >= total
        ? null
        : Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(("o:" + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int offset(String token) {
    if (token == null) {
      return 0;
    }
    return Integer.parseInt(
        new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).substring(2));
  }
}
