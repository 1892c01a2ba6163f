package io.aegntic.studio.ingest.poll;

import io.aegntic.studio.events.PlatformTokenCipher;
import io.aegntic.studio.events.StudioEvent;
import io.aegntic.studio.infra.StackEndpoints;
import io.aegntic.studio.infra.test.StudioStackExtension;
import io.aegntic.studio.ingest.EventsTopic;
import io.aegntic.studio.ingest.simulator.ApiFaults;
import io.aegntic.studio.ingest.simulator.ApiState;
import io.aegntic.studio.ingest.simulator.PlatformApiServer;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

/**
 * What the poller ITs share: a fresh database with serving's real migrations, the simulator's
 * platform APIs (2 items a page) on a clock the test moves, connection rows with tokens encrypted
 * as serving encrypts them, and reading {@code studio.events.v1} back.
 */
final class PollHarness {
  final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  final ApiState api = new ApiState(7, Duration.ofHours(1));
  final ApiFaults faults = new ApiFaults();
  final String tokenKey;
  final PlatformTokenCipher cipher;
  final StackEndpoints db;
  final DisposableServer server;
  private final LoopResources loops;

  PollHarness() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    tokenKey = Base64.getEncoder().encodeToString(key);
    cipher = new PlatformTokenCipher(tokenKey);
    StackEndpoints stack = StudioStackExtension.endpoints();
    db = stack.withPostgresDatabase(StudioStackExtension.newDatabase("poll"));
    Flyway.configure()
        .dataSource(db.postgresJdbcUrl(), db.postgresUser(), db.postgresPassword())
        .locations("classpath:db/serving")
        .load()
        .migrate();
    PlatformApiServer apis = new PlatformApiServer(api, faults, clock, 2);
    // Its own event loops: closing an ingest context disposes Reactor Netty's global ones.
    loops = LoopResources.create("platform-api", 1, true);
    server =
        HttpServer.create().runOn(loops).host("127.0.0.1").port(0).route(apis::routes).bindNow();
  }

  String base() {
    return "http://127.0.0.1:" + server.port();
  }

  /** The ingest properties of this harness (pollers on, driven by hand). */
  Map<String, String> properties() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("studio.ingest.kafka.bootstrap", db.kafkaBootstrap());
    // A fresh producer's first acknowledgement can take seconds on a loaded test machine.
    p.put("studio.ingest.kafka.delivery-timeout", "30s");
    p.put("studio.ingest.kafka.request-timeout", "10s");
    p.put("studio.ingest.kafka.max-block", "20s");
    p.put("studio.ingest.poll.enabled", "true");
    p.put("studio.ingest.poll.auto-start", "false");
    p.put("studio.ingest.poll.token-key", tokenKey);
    p.put("studio.ingest.poll.jitter", "0");
    p.put("studio.ingest.poll.apps.youtube.api-url", base() + "/youtube/v3");
    p.put("studio.ingest.poll.apps.youtube.token-url", base() + "/oauth2/google/token");
    p.put("studio.ingest.poll.apps.youtube.client-id", "yt-client");
    p.put("studio.ingest.poll.apps.youtube.client-secret", "yt-secret");
    p.put("studio.ingest.poll.apps.tiktok.api-url", base() + "/tiktok");
    p.put("studio.ingest.poll.apps.tiktok.token-url", base() + "/tiktok/v2/oauth/token/");
    p.put("studio.ingest.poll.apps.tiktok.client-id", "tt-client");
    p.put("studio.ingest.poll.apps.tiktok.client-secret", "tt-secret");
    p.put("studio.ingest.poll.apps.x.api-url", base() + "/x");
    p.put("studio.ingest.poll.apps.x.token-url", base() + "/x/2/oauth2/token");
    p.put("studio.ingest.poll.apps.x.client-id", "x-client");
    p.put("studio.ingest.poll.apps.x.client-secret", "x-secret");
    p.put("studio.ingest.poll.apps.instagram.api-url", base() + "/instagram/v21.0");
    p.put(
        "studio.ingest.poll.apps.instagram.token-url", base() + "/instagram/refresh_access_token");
    p.put("studio.ingest.poll.apps.linkedin.api-url", base() + "/linkedin");
    p.put("studio.ingest.poll.apps.linkedin.token-url", base() + "/linkedin/oauth/v2/accessToken");
    p.put("studio.ingest.poll.apps.linkedin.client-id", "li-client");
    p.put("studio.ingest.poll.apps.linkedin.client-secret", "li-secret");
    p.put("spring.r2dbc.url", db.postgresR2dbcUrl());
    p.put("spring.r2dbc.username", db.postgresUser());
    p.put("spring.r2dbc.password", db.postgresPassword());
    p.put("spring.flyway.url", db.postgresJdbcUrl());
    p.put("spring.flyway.user", db.postgresUser());
    p.put("spring.flyway.password", db.postgresPassword());
    return p;
  }

  /** Inserts a user, a creator and its connection; returns the connection id. */
  UUID connect(
      String creator,
      String platform,
      String account,
      String access,
      String refresh,
      Instant expires) {
    UUID user = UUID.randomUUID();
    UUID id = UUID.randomUUID();
    try (Connection c = jdbc()) {
      update(
          c,
          "INSERT INTO users (id, email, password_hash, display_name) VALUES (?, ?, 'x', 'it')",
          user,
          user + "@it.local");
      update(
          c,
          "INSERT INTO creators (id, owner_id, display_name) VALUES (?, ?, 'it')",
          creator,
          user);
      update(
          c,
          "INSERT INTO platform_connections (id, creator_id, platform, account_handle, access_token,"
              + " refresh_token, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
          id,
          creator,
          platform,
          account,
          cipher.encrypt(access, creator, platform),
          refresh == null ? null : cipher.encrypt(refresh, creator, platform),
          expires == null ? null : Timestamp.from(expires));
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return id;
  }

  /** status, decrypted access token, expires_at of a connection. */
  Map<String, Object> row(UUID id) {
    try (Connection c = jdbc();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT creator_id, platform, status, access_token, expires_at FROM"
                    + " platform_connections WHERE id = ?")) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        Map<String, Object> out = new HashMap<>();
        out.put("status", rs.getString("status"));
        out.put(
            "access",
            cipher.decrypt(
                rs.getBytes("access_token"), rs.getString("creator_id"), rs.getString("platform")));
        Timestamp t = rs.getTimestamp("expires_at");
        out.put("expires", t == null ? null : t.toInstant());
        return out;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Takes every connection out of the pollers' way (each test polls only its own). */
  void pauseAll() {
    try (Connection c = jdbc()) {
      update(c, "UPDATE platform_connections SET status = 'paused' WHERE status = 'active'");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  List<ApiFaults.Request> requests(String pathPrefix) {
    return faults.requests().stream().filter(r -> r.path().startsWith(pathPrefix)).toList();
  }

  /** Every event of a creator on studio.events.v1, in offset order. */
  static List<StudioEvent> events(String creatorId) {
    return EventsTopic.of(creatorId);
  }

  void close() {
    server.disposeNow();
    loops.dispose();
  }

  private Connection jdbc() throws SQLException {
    return DriverManager.getConnection(
        db.postgresJdbcUrl(), db.postgresUser(), db.postgresPassword());
  }

  private static void update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      ps.executeUpdate();
    }
  }
}
