package io.aegntic.studio.serving.connections;

import io.aegntic.studio.events.PlatformTokenCipher;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The demo creators' polled connections (YouTube, TikTok, X, Instagram, LinkedIn): the platform
 * simulator's accounts (ingest's {@code DemoCreators}) with its demo tokens, encrypted like every
 * token. Re-seeding resets them to active with fresh tokens.
 */
@Component
public class DemoConnections {
  /** Per demo creator, its account on each polled platform as the simulator knows it. */
  static final Map<String, Map<String, String>> ACCOUNTS =
      Map.of(
          "creator-demo-1", accounts("UCdemoCreator1aaaaaaaaaaa", "act.demo1", "1", "90000001"),
          "creator-demo-2", accounts("UCdemoCreator2bbbbbbbbbbb", "act.demo2", "2", "90000002"),
          "creator-demo-3", accounts("UCdemoCreator3ccccccccccc", "act.demo3", "3", "90000003"));

  private final DatabaseClient db;
  private final PlatformTokenCipher cipher;

  DemoConnections(DatabaseClient db, PlatformTokenCipher cipher) {
    this.db = db;
    this.cipher = cipher;
  }

  /** Seeds every polled connection of a demo creator, each with the simulator's demo tokens. */
  public Mono<Void> seedDemo(String creatorId, Instant expiresAt) {
    Map<String, String> accounts = ACCOUNTS.get(creatorId);
    if (accounts == null) {
      return Mono.error(new IllegalArgumentException("not a demo creator: " + creatorId));
    }
    return Flux.fromIterable(new TreeMap<>(accounts).entrySet())
        .concatMap(
            e ->
                seed(
                    creatorId,
                    e.getKey(),
                    e.getValue(),
                    token(e.getKey(), creatorId, "access"),
                    token(e.getKey(), creatorId, "refresh"),
                    expiresAt))
        .then();
  }

  /** The simulator's demo tokens (ingest's {@code ApiState.demoToken}): demo data, not secrets. */
  public static String token(String platform, String creatorId, String kind) {
    return "demo-" + platform + "-" + creatorId + "-" + kind;
  }

  private static Map<String, String> accounts(
      String youtube, String tiktok, String n, String linkedinOrg) {
    return Map.of(
        "youtube", youtube,
        "tiktok", tiktok,
        "x", "150000000000000000" + n,
        "instagram", "1784140000000000" + n,
        "linkedin", linkedinOrg);
  }

  /** Inserts or resets one connection; the tokens are demo data the simulator accepts. */
  public Mono<Void> seed(
      String creatorId,
      String platform,
      String account,
      String accessToken,
      String refreshToken,
      Instant expiresAt) {
    return db.sql(
            "INSERT INTO platform_connections (id, creator_id, platform, account_handle,"
                + " access_token, refresh_token, scopes, expires_at) VALUES (:id, :creator,"
                + " :platform, :handle, :access, :refresh, 'demo', :expires) ON CONFLICT"
                + " (creator_id, platform, account_handle) DO UPDATE SET access_token ="
                + " EXCLUDED.access_token, refresh_token = EXCLUDED.refresh_token, expires_at ="
                + " EXCLUDED.expires_at, status = 'active', updated_at = now()")
        .bind("id", UUID.randomUUID())
        .bind("creator", creatorId)
        .bind("platform", platform)
        .bind("handle", account)
        .bind("access", cipher.encrypt(accessToken, creatorId, platform))
        .bind("refresh", cipher.encrypt(refreshToken, creatorId, platform))
        .bind("expires", expiresAt)
        .then();
  }
}
