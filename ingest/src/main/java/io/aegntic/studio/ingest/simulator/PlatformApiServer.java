package io.aegntic.studio.ingest.simulator;

import io.aegntic.studio.events.EventJson;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * The platform APIs the pollers read, in their documented wire format, one {@link PlatformApi} each
 * (YouTube, TikTok ...; see ingest/README.md for their paths). Bearer tokens are checked; {@link
 * ApiFaults} scripts misbehaviour; {@code If-None-Match} gets 304 where the platform has ETags.
 */
public final class PlatformApiServer {
  private final ApiState state;
  private final ApiFaults faults;
  private final Clock clock;
  private final List<PlatformApi> apis;

  public PlatformApiServer(ApiState state, ApiFaults faults, Clock clock, int pageSize) {
    this.state = state;
    this.faults = faults;
    this.clock = clock;
    this.apis =
        List.of(
            new YouTubeApi(state, pageSize),
            new TikTokApi(state, pageSize),
            new XApi(state, pageSize, clock),
            new InstagramApi(state, pageSize, clock),
            new LinkedInApi(state, pageSize, clock));
  }

  /** Adds the API routes to a Reactor Netty server's routes. */
  public void routes(HttpServerRoutes routes) {
    for (PlatformApi api : apis) {
      routes.route(r -> r.uri().startsWith(api.prefix()), this::handle);
      if (!api.tokenPath().startsWith(api.prefix())) {
        routes.route(r -> r.uri().startsWith(api.tokenPath()), this::handle);
      }
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
    Map<String, String> headers = new HashMap<>();
    req.requestHeaders()
        .forEach(h -> headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
    PlatformApi.Call call =
        new PlatformApi.Call(req.method().name(), path, q.parameters(), body, headers);
    for (PlatformApi api : apis) {
      if (path.equals(api.tokenPath())) {
        return api.token(call, state, clock.instant());
      }
    }
    for (PlatformApi api : apis) {
      if (path.startsWith(api.prefix())) {
        String account = api.authorise(state, call, clock.instant());
        if (account == null) {
          return api.unauthorized();
        }
        Answer a = api.answer(call, account);
        return api.etags() ? a.etagged(inm) : a;
      }
    }
    return Answer.json(404, Map.of("error", "no such API: " + path));
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

    /** The same answer with more headers. */
    Answer with(Map<String, String> more) {
      Map<String, String> h = new HashMap<>(headers);
      h.putAll(more);
      return new Answer(status, h, body);
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
