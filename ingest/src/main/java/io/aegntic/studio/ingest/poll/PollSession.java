package io.aegntic.studio.ingest.poll;

import io.aegntic.studio.events.StudioEvent;
import io.aegntic.studio.ingest.publish.EventPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One connection's poll cycle: authorised requests through the platform's rate limiter (refreshing
 * the token before expiry, and once on a 401), publishing, and the connection's persisted cursors.
 */
public final class PollSession {
  private final PlatformPoller poller;
  private final PollServices services;
  private final RateLimiter limiter;
  private final PollProperties.App app;
  private final Map<String, String> cursors;
  private Connection connection;

  PollSession(PlatformPoller poller, PollServices services, RateLimiter limiter, Connection c) {
    this.poller = poller;
    this.services = services;
    this.limiter = limiter;
    this.app = services.properties().app(c.platform());
    this.connection = c;
    this.cursors = services.state().cursors(c.id());
  }

  public Connection connection() {
    return connection;
  }

  public PollProperties.App app() {
    return app;
  }

  public Instant now() {
    return limiter.clock().instant();
  }

  public PollProperties properties() {
    return services.properties();
  }

  public String actorSalt() {
    return services.actorSalt();
  }

  /** A stored cursor of this connection, or null. */
  public String cursor(String name) {
    return cursors.get(name);
  }

  /** Whether the named schedule ("audience", "comments" ...) is due now. */
  public boolean due(String schedule) {
    String next = cursors.get(schedule + ".next");
    return next == null || !now().isBefore(Instant.parse(next));
  }

  /** Stores cursors (together, atomically) after what they stand for was published. */
  public void save(Map<String, String> values) {
    services.state().put(connection.id(), values);
    cursors.putAll(values);
  }

  /** The value to store under {@code <schedule>.next} for a schedule repeated every interval. */
  public String nextRun(Duration interval) {
    return now().plus(services.schedule().jittered(interval)).toString();
  }

  /** Adds posts not yet known, due at once; returns how many were new. */
  public long addItems(Map<String, Instant> published) {
    return services.state().addItems(connection.id(), published, now());
  }

  /** The known posts due now (at most {@code limit}), as content id to publication time. */
  public Map<String, Instant> dueItems(int limit) {
    Map<String, Instant> out = new java.util.LinkedHashMap<>();
    services
        .state()
        .due(connection.id(), now(), limit)
        .forEach(i -> out.put(i.contentId(), i.publishedAt()));
    return out;
  }

  /** Reschedules polled posts by their age. */
  public void polled(Map<String, Instant> items) {
    Map<String, Instant> next = new java.util.HashMap<>();
    items.forEach((id, published) -> next.put(id, schedule().next(published, now())));
    services.state().reschedule(connection.id(), next);
  }

  public Schedule schedule() {
    return services.schedule();
  }

  /** Publishes durably (blocks until the broker acknowledged every event). */
  public void publish(List<StudioEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    EventPublisher publisher = services.publisher();
    publisher.publish(events).block();
    MeterRegistry meters = services.meters();
    events.forEach(
        e ->
            meters
                .counter(
                    "studio.ingest.poll.events",
                    "platform",
                    e.platform().id(),
                    "type",
                    e.type().id())
                .increment());
  }

  /**
   * Sends a request costing {@code cost} quota units with the connection's bearer token. Throws
   * {@link RateLimiter.Paused} when the platform is paused (nothing is sent) or answers 429, and
   * {@link PollException.NeedsReconnect} when a refreshed token is refused too.
   */
  public ApiResponse send(int cost, HttpRequest.Builder request) {
    if (connection.expiresAt() != null
        && !now().isBefore(connection.expiresAt().minus(properties().refreshSkew()))) {
      connection = services.refresher().refresh(connection, app, poller);
    }
    ApiResponse r = once(cost, request);
    if (poller.unauthorized(r)) {
      connection = services.refresher().refresh(connection, app, poller);
      r = once(cost, request);
      if (poller.unauthorized(r)) {
        services.connections().markNeedsReconnect(connection);
        services
            .meters()
            .counter("studio.ingest.poll.needs_reconnect", "platform", connection.platform())
            .increment();
        throw new PollException.NeedsReconnect(
            connection + " refused after a token refresh: marked needs_reconnect");
      }
    }
    if (r.status() == 429) {
      throw new RateLimiter.Paused(connection.platform(), null, "429");
    }
    return r;
  }

  private ApiResponse once(int cost, HttpRequest.Builder request) {
    limiter.acquire(cost);
    HttpRequest req =
        request
            .copy()
            .timeout(Duration.ofSeconds(30))
            .setHeader("Authorization", "Bearer " + connection.accessToken())
            .setHeader("Accept", "application/json")
            .build();
    HttpResponse<byte[]> raw;
    try {
      raw = sendRetryingOnce(req);
    } catch (IOException e) {
      count("io_error");
      throw new PollException(connection.platform() + " unreachable: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PollException("interrupted");
    }
    ApiResponse r = new ApiResponse(raw.statusCode(), raw.headers(), raw.body(), now());
    count(Integer.toString(r.status()));
    RateHeaders.pauseUntil(r.status(), r.headers(), now())
        .ifPresent(until -> limiter.pause(until, "rate limited (HTTP " + r.status() + ")"));
    poller.inspect(r, limiter);
    return r;
  }

  /**
   * Every call here is a read, so one retry after an I/O error (typically a kept-alive connection
   * the server had closed) is safe; the request counts against the limiter once.
   */
  private HttpResponse<byte[]> sendRetryingOnce(HttpRequest req)
      throws IOException, InterruptedException {
    try {
      return services.http().send(req, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException first) {
      count("io_error");
      return services.http().send(req, HttpResponse.BodyHandlers.ofByteArray());
    }
  }

  private void count(String status) {
    services
        .meters()
        .counter("studio.ingest.poll.requests", "platform", connection.platform(), "status", status)
        .increment();
  }

  /** The shared collaborators of every session. */
  record PollServices(
      PollProperties properties,
      HttpClient http,
      ConnectionStore connections,
      PollStateStore state,
      TokenRefresher refresher,
      EventPublisher publisher,
      Schedule schedule,
      MeterRegistry meters,
      String actorSalt) {}
}
