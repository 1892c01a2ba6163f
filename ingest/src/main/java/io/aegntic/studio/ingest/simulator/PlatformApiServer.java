package io.aegntic.studio.ingest.simulator;

import io.aegntic.studio.events.EventJson;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * The platform APIs the pollers read, in their documented wire format: YouTube Data API v3 under
 * {@code /youtube/v3}, Google's token endpoint at {@code /oauth2/google/token}, TikTok v2 under
 * {@code /tiktok/v2} (token at {@code /tiktok/v2/oauth/token/}). Bearer tokens are checked; {@link
 * ApiFaults} scripts misbehaviour; {@code If-None-Match} gets 304 when nothing changed.
 */
public final class PlatformApiServer {
  private final ApiState state;
  private final ApiFaults faults;
  private final Clock clock;
  private final int pageSize;

  public PlatformApiServer(ApiState state, ApiFaults faults, Clock clock, int pageSize) {
    this.state = state;
    this.faults = faults;
    this.clock = clock;
    this.pageSize = pageSize;
  }

  /** Adds the API routes to a Reactor Netty server's routes. */
  public void routes(HttpServerRoutes routes) {
    for (String prefix : List.of("/youtube/", "/tiktok/", "/oauth2/")) {
      routes.route(r -> r.uri().startsWith(prefix), this::handle);
    }
  }

  private Mono<Void> handle(HttpServerRequest req, HttpServerResponse res) {
    return req.receive()
        .aggregate()
        .asString(StandardCharsets.UTF_8)
        .defaultIfEmpty("")
        .map(body -> answer(req, body))
        .onErrorResume(
            e ->
                Mono.just(
                    Answer.json(
                        500,
                        Map.of("error", Map.of("code", 500, "message", "simulator error: " + e)))))
        .flatMap(answer -> answer.send(res, clock));
  }

  private Answer answer(HttpServerRequest req, String body) {
    QueryStringDecoder q = new QueryStringDecoder(req.uri());
    String path = q.path();
    String auth = req.requestHeaders().get("Authorization");
    String inm = req.requestHeaders().get("If-None-Match");
    faults.record(new ApiFaults.Request(req.method().name(), path, q.rawQuery(), auth, inm, body));
    ApiFaults.Fault f = faults.take(path);
    if (f != null) {
      return new Answer(f.status(), f.headers(), f.body());
    }
    state.advance(clock.instant());
    if (path.equals("/oauth2/google/token")) {
      return token("youtube", body);
    }
    if (path.equals("/tiktok/v2/oauth/token/")) {
      return token("tiktok", body);
    }
    String platform = path.startsWith("/youtube/") ? "youtube" : "tiktok";
    String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : "";
    String account = state.authorised(platform, token, clock.instant());
    if (account == null) {
      return platform.equals("youtube") ? YouTubeApi.unauthorized() : TikTokApi.unauthorized();
    }
    Answer a =
        platform.equals("youtube")
            ? new YouTubeApi(state, pageSize).answer(path, q.parameters(), account)
            : new TikTokApi(state, pageSize).answer(path, q.parameters(), body, account);
    return a.etagged(inm);
  }

  private Answer token(String platform, String body) {
    Map<String, List<String>> form = new QueryStringDecoder(body, false).parameters();
    String grant = first(form, "grant_type");
    ApiState.Issued issued =
        "refresh_token".equals(grant)
            ? state.refresh(platform, first(form, "refresh_token"), clock.instant())
            : null;
    if (issued == null) {
      return platform.equals("youtube")
          ? Answer.json(
              400,
              Map.of(
                  "error",
                  "invalid_grant",
                  "error_description",
                  "Token has been expired or revoked."))
          : Answer.json(
              200,
              Map.of(
                  "error",
                  "invalid_grant",
                  "error_description",
                  "Refresh token is invalid or expired.",
                  "log_id",
                  "sim"));
    }
    return platform.equals("youtube")
        ? Answer.json(
            200,
            Map.of(
                "access_token",
                issued.accessToken(),
                "expires_in",
                issued.expiresIn(),
                "scope",
                "https://www.googleapis.com/auth/youtube.readonly",
                "token_type",
                "Bearer"))
        : Answer.json(
            200,
            Map.of(
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

  static String first(Map<String, List<String>> params, String name) {
    List<String> v = params.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  /** A response to send. */
  record Answer(int status, Map<String, String> headers, String body) {
    static Answer json(int status, Object body) {
      return new Answer(
          status,
          Map.of("Content-Type", "application/json; charset=UTF-8"),
          EventJson.writeString(body));
    }

    /** YouTube-style ETag over the body; 304 without a body when the client already has it. */
    Answer etagged(String ifNoneMatch) {
      if (status != 200) {
        return this;
      }
      String etag = "\"" + etag(body) + "\"";
      Map<String, String> h = new java.util.HashMap<>(headers);
      h.put("ETag", etag);
      return etag.equals(ifNoneMatch)
          ? new Answer(304, Map.of("ETag", etag), "")
          : new Answer(200, h, body);
    }

    Mono<Void> send(HttpServerResponse res, Clock clock) {
      res.status(status);
      headers.forEach(res::header);
      res.header(
          "Date",
          DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().atZone(ZoneOffset.UTC)));
      return res.sendString(Mono.just(body)).then();
    }

    private static String etag(String body) {
      try {
        byte[] d =
            MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(d, 0, 12);
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
