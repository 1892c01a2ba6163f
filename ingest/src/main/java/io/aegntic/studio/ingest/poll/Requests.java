package io.aegntic.studio.ingest.poll;

import io.aegntic.studio.events.EventJson;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds platform API requests: a base URL, a path and encoded query parameters. */
public final class Requests {
  private Requests() {}

  /** A GET of {@code base + path} with the non-null parameters, in the map's order. */
  public static HttpRequest.Builder get(String base, String path, Map<String, String> query) {
    return HttpRequest.newBuilder(uri(base, path, query)).GET();
  }

  /** A POST of a JSON body. */
  public static HttpRequest.Builder postJson(
      String base, String path, Map<String, String> query, Object body) {
    return HttpRequest.newBuilder(uri(base, path, query))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(EventJson.writeString(body)));
  }

  static URI uri(String base, String path, Map<String, String> query) {
    String q =
        query.entrySet().stream()
            .filter(e -> e.getValue() != null)
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    String b = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    return URI.create(b + path + (q.isEmpty() ? "" : "?" + q));
  }

  /** Fails the cycle with the platform's status and error reason unless the response is 2xx/304. */
  public static ApiResponse expectOk(ApiResponse r, String what) {
    if (!r.ok() && !r.notModified()) {
      String reason = r.json().path("error").toString();
      throw new PollException(what + " answered " + r.status() + " " + abbreviate(reason));
    }
    return r;
  }

  private static String abbreviate(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "..." : s;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
