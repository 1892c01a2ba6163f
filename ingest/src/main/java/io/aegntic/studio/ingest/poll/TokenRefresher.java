package io.aegntic.studio.ingest.poll;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OAuth 2.0 refresh-token grant against a platform's token endpoint (form-encoded, RFC 6749 6), or
 * Meta's exchange of a still valid long-lived token for a new one; the new tokens are stored
 * encrypted. A 400/401 answer (revoked or expired grant) is final: the connection is marked
 * needs_reconnect.
 */
final class TokenRefresher {
  private static final Logger log = LoggerFactory.getLogger(TokenRefresher.class);
  private final HttpClient http;
  private final ConnectionStore connections;
  private final Clock clock;
  private final MeterRegistry meters;

  TokenRefresher(HttpClient http, ConnectionStore connections, Clock clock, MeterRegistry meters) {
    this.http = http;
    this.connections = connections;
    this.clock = clock;
    this.meters = meters;
  }

  /** Refreshes the connection's tokens; returns it with the new ones. */
  Connection refresh(Connection c, PollProperties.App app, PlatformPoller poller) {
    boolean exchange = poller.renewal() == PlatformPoller.Renewal.EXCHANGE_ACCESS_TOKEN;
    if (!exchange && c.refreshToken() == null) {
      connections.markNeedsReconnect(c);
      count(c, "no_refresh_token");
      throw new PollException.NeedsReconnect(c + " has no refresh token");
    }
    Map<String, String> form = new LinkedHashMap<>();
    if (exchange) {
      form.put("grant_type", "ig_refresh_token");
      form.put("access_token", c.accessToken());
    } else {
      form.put("grant_type", "refresh_token");
      form.put("refresh_token", c.refreshToken());
      form.put(poller.clientIdParam(), app.clientId());
      if (!poller.basicClientAuth()) {
        form.put("client_secret", app.clientSecret());
      }
    }
    String body =
        form.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    HttpRequest.Builder request =
        exchange
            ? HttpRequest.newBuilder(URI.create(app.tokenUrl() + "?" + body)).GET()
            : HttpRequest.newBuilder(URI.create(app.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    if (!exchange && poller.basicClientAuth()) {
      request.header("Authorization", basic(app.clientId(), app.clientSecret()));
    }
    HttpResponse<byte[]> r;
    try {
      r =
          http.send(
              request.timeout(Duration.ofSeconds(20)).header("Accept", "application/json").build(),
              HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new PollException("token endpoint of " + c.platform() + " unreachable: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PollException("interrupted");
    }
    ApiResponse resp = new ApiResponse(r.statusCode(), r.headers(), r.body(), clock.instant());
    JsonNode json = resp.json();
    // TikTok wraps errors in a 200 with "error"; Google answers 400 {"error":"invalid_grant"}.
    String access = json.path("access_token").asText("");
    if (r.statusCode() == 400 || r.statusCode() == 401 || (resp.ok() && access.isEmpty())) {
      connections.markNeedsReconnect(c);
      count(c, "rejected");
      log.warn(
          "token refresh rejected for {} ({}): marked needs_reconnect",
          c,
          json.path("error").isTextual()
              ? json.path("error").asText()
              : json.path("error").path("code").asText(Integer.toString(r.statusCode())));
      throw new PollException.NeedsReconnect("refresh rejected for " + c);
    }
    if (!resp.ok()) {
      count(c, "failed");
      throw new PollException("token endpoint of " + c.platform() + " answered " + r.statusCode());
    }
    String refresh = json.hasNonNull("refresh_token") ? json.get("refresh_token").asText() : null;
    long expiresIn = json.path("expires_in").asLong(0);
    Instant expires = expiresIn > 0 ? clock.instant().plusSeconds(expiresIn) : null;
    connections.saveTokens(c, access, refresh, expires);
    count(c, "refreshed");
    log.info("refreshed the access token of {} (expires {})", c, expires);
    return new Connection(
        c.id(),
        c.creatorId(),
        c.platform(),
        c.account(),
        access,
        refresh == null ? c.refreshToken() : refresh,
        expires);
  }

  private void count(Connection c, String outcome) {
    meters
        .counter("studio.ingest.poll.token.refresh", "platform", c.platform(), "outcome", outcome)
        .increment();
  }

  /** RFC 6749 2.3.1: id and secret form-encoded, joined by a colon, base64. */
  static String basic(String clientId, String clientSecret) {
    String pair = enc(clientId) + ":" + enc(clientSecret);
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
  }
}
