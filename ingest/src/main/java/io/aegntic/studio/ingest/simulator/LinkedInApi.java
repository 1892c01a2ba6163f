package io.aegntic.studio.ingest.simulator;

import static io.aegntic.studio.ingest.simulator.Payloads.obj;

import io.aegntic.studio.ingest.simulator.PlatformApiServer.Answer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * LinkedIn's versioned Community Management API under {@code /linkedin/rest}: networkSizes, posts
 * by author (start/count paging) and organizationalEntityShareStatistics for a {@code
 * shares=List(..)}, answered from {@link ApiState}; the refresh grant at {@code
 * /linkedin/oauth/v2/accessToken}. Requests without LinkedIn-Version are refused as LinkedIn does;
 * past {@link #DAILY_LIMIT} calls of the application in a UTC day every call answers 429 until
 * midnight UTC.
 */
final class LinkedInApi implements PlatformApi {
  static final int DAILY_LIMIT = 100_000;
  private final ApiState state;
  private final int pageSize;
  private final Clock clock;
  private LocalDate day;
  private long calls;

  LinkedInApi(ApiState state, int pageSize, Clock clock) {
    this.state = state;
    this.pageSize = pageSize;
    this.clock = clock;
  }

  @Override
  public String platform() {
    return "linkedin";
  }

  @Override
  public String prefix() {
    return "/linkedin/rest/";
  }

  @Override
  public String tokenPath() {
    return "/linkedin/oauth/v2/accessToken";
  }

  @Override
  public Answer unauthorized() {
    return error(401, 65600, "INVALID_ACCESS_TOKEN", "Invalid access token");
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
              "The provided authorization grant or refresh token is invalid, expired or revoked"));
    }
    return Answer.json(
        200,
        obj(
            "access_token",
            issued.accessToken(),
            "expires_in",
            issued.expiresIn(),
            "refresh_token",
            issued.refreshToken(),
            "refresh_token_expires_in",
            31_536_000,
            "scope",
            "r_organization_social,rw_organization_admin"));
  }

  @Override
  public Answer answer(Call call, String org) {
    if (!call.headers().containsKey("linkedin-version")) {
      return error(
          400,
          0,
          "VERSION_MISSING",
          "A version must be present. Please specify a version by adding the LinkedIn-Version"
              + " header.");
    }
    if (!"2.0.0".equals(call.headers().get("x-restli-protocol-version"))) {
      return error(400, 0, "ILLEGAL_ARGUMENT", "Rest.li protocol version 2.0.0 expected");
    }
    if (!countCall()) {
      return error(
          429,
          101,
          "TOO_MANY_REQUESTS",
          "Resource level throttle APPLICATION DAY limit for calls to this resource is reached.");
    }
    String urn = "urn:li:organization:" + org;
    ApiState.Account a = state.account("linkedin", org);
    synchronized (state) {
      String path = call.path().substring(prefix().length());
      if (path.equals("networkSizes/" + urn)
          && "COMPANY_FOLLOWED_BY_COMPANY".equals(call.param("edgeType"))) {
        return Answer.json(200, obj("firstDegreeSize", a.followers));
      }
      if (path.equals("posts") && "author".equals(call.param("q"))) {
        return urn.equals(call.param("author")) ? posts(a, urn, call) : forbidden();
      }
      if (path.equals("organizationalEntityShareStatistics")
          && "organizationalEntity".equals(call.param("q"))) {
        return urn.equals(call.param("organizationalEntity"))
            ? statistics(a, urn, call.param("shares"))
            : forbidden();
      }
      return error(404, 0, "NOT_FOUND", "No virtual resource found");
    }
  }

  private Answer posts(ApiState.Account a, String urn, Call call) {
    int start = call.param("start") == null ? 0 : Integer.parseInt(call.param("start"));
    int count = call.param("count") == null ? 10 : Integer.parseInt(call.param("count"));
    int to = Math.min(a.videos.size(), start + Math.min(count, pageSize));
    List<Object> elements = new ArrayList<>();
    for (ApiState.Video v : a.videos.subList(Math.min(start, to), to)) {
      elements.add(
          obj(
              "id",
              v.id,
              "author",
              urn,
              "commentary",
              "demo post",
              "visibility",
              "PUBLIC",
              "lifecycleState",
              "PUBLISHED",
              "createdAt",
              v.publishedAt.toEpochMilli(),
              "publishedAt",
              v.publishedAt.toEpochMilli(),
              "lastModifiedAt",
              v.publishedAt.toEpochMilli()));
    }
    return Answer.json(
        200,
        obj(
            "elements",
            elements,
            "paging",
            obj("start", start, "count", count, "total", a.videos.size(), "links", List.of())));
  }

  /** {@code shares} arrives decoded by the query decoder: {@code List(urn:li:share:1,...)}. */
  private Answer statistics(ApiState.Account a, String urn, String shares) {
    if (shares == null || !shares.startsWith("List(") || !shares.endsWith(")")) {
      return error(400, 0, "ILLEGAL_ARGUMENT", "shares must be a List(...)");
    }
    List<Object> elements = new ArrayList<>();
    for (String raw : shares.substring(5, shares.length() - 1).split(",")) {
      String id = URLDecoder.decode(raw, StandardCharsets.UTF_8);
      a.videos.stream()
          .filter(v -> v.id.equals(id))
          .findFirst()
          .ifPresent(
              v ->
                  elements.add(
                      obj(
                          "organizationalEntity",
                          urn,
                          "share",
                          v.id,
                          "totalShareStatistics",
                          obj(
                              "uniqueImpressionsCount",
                              Math.round(v.views * 0.8),
                              "shareCount",
                              v.shares,
                              "engagement",
                              v.views == 0
                                  ? 0.0
                                  : (double) (v.likes + v.comments + v.shares) / v.views,
                              "clickCount",
                              v.saves,
                              "likeCount",
                              v.likes,
                              "impressionCount",
                              v.views,
                              "commentCount",
                              v.comments))));
    }
    return Answer.json(
        200,
        obj(
            "elements",
            elements,
            "paging",
            obj("start", 0, "count", 10, "total", elements.size(), "links", List.of())));
  }

  private synchronized boolean countCall() {
    LocalDate today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
    if (!today.equals(day)) {
      day = today;
      calls = 0;
    }
    return ++calls <= DAILY_LIMIT;
  }

  private static Answer forbidden() {
    return error(403, 100, "ACCESS_DENIED", "Not enough permissions to access this organization");
  }

  private static Answer error(int status, int serviceCode, String code, String message) {
    Map<String, Object> body =
        serviceCode == 0
            ? obj("status", status, "code", code, "message", message)
            : obj(
                "status",
                status,
                "serviceErrorCode",
                serviceCode,
                "code",
                code,
                "message",
                message);
    return Answer.json(status, body);
  }
}
