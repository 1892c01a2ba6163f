package io.aegntic.studio.serving.connections;

import io.aegntic.studio.events.DemoCreators;
import io.aegntic.studio.events.PlatformTokenCipher;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The demo creators' polled connections (YouTube, TikTok, X, Instagram, LinkedIn): the platform
 * simulator's accounts ({@link DemoCreators}) with its demo tokens, encrypted like every token.
 * Re-seeding resets them to active with fresh tokens.
 */
@Component
public class DemoConnections {
  private final DatabaseClient db;
  private final PlatformTokenCipher cipher;

  DemoConnections(DatabaseClient db, PlatformTokenCipher cipher) {
    this.db = db;
    this.cipher = cipher;
  }

  /** Seeds every polled connection of a demo creator, each with the simulator's demo tokens. */
  public Mono<Void> seedDemo(String creatorId, Instant expiresAt) {
    DemoCreators.Creator creator =
        DemoCreators.ALL.stream().filter(c -> c.id().equals(creatorId)).findFirst().orElse(null);
    if (creator == null) {
      return Mono.error(new IllegalArgumentException("not a demo creator: " + creatorId));
    }
    return Flux.fromIterable(DemoCreators.POLLED)
        .concatMap(
            platform ->
                seed(
                    creatorId,
                    platform,
                    creator.account(platform),
                    DemoCreators.token(platform, creatorId, "access"),
                    DemoCreators.token(platform, creatorId, "refresh"),
                    expiresAt))
        .then();
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
