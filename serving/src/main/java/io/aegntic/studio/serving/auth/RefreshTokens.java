package io.aegntic.studio.serving.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Opaque rotating refresh tokens. The client holds 32 random bytes; the table holds their SHA-256.
 * Each token may be used once; using it again (or a revoked one) revokes its whole family.
 */
@Repository
class RefreshTokens {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final DatabaseClient db;

  RefreshTokens(DatabaseClient db) {
    this.db = db;
  }

  /** The owner and family of a token that was just consumed. */
  record Consumed(UUID userId, UUID familyId) {}

  /** What a presented token turned out to be when it could not be consumed. */
  enum Rejection {
    UNKNOWN,
    EXPIRED,
    REUSED
  }

  /** Stores a new token of {@code familyId} and returns its plain value. */
  Mono<String> issue(UUID userId, UUID familyId, Instant expiresAt) {
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    return db.sql(
            "INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, expires_at) VALUES"
                + " (:id, :user, :family, :hash, :expires)")
        .bind("id", UUID.randomUUID())
        .bind("user", userId)
        .bind("family", familyId)
        .bind("hash", hash(token))
        .bind("expires", expiresAt)
        .fetch()
        .rowsUpdated()
        .thenReturn(token);
  }

  /** Marks a live token used, atomically, so two concurrent uses cannot both succeed. */
  Mono<Consumed> consume(String token) {
    return db.sql(
            "UPDATE refresh_tokens SET used_at = now() WHERE token_hash = :hash AND used_at IS NULL"
                + " AND revoked_at IS NULL AND expires_at > now() RETURNING user_id, family_id")
        .bind("hash", hash(token))
        .map(row -> new Consumed(row.get("user_id", UUID.class), row.get("family_id", UUID.class)))
        .one();
  }

  /** Explains why {@link #consume} failed, revoking the family when the token was reused. */
  Mono<Rejection> reject(String token) {
    return db.sql(
            "SELECT family_id, used_at, revoked_at, expires_at FROM refresh_tokens WHERE"
                + " token_hash = :hash")
        .bind("hash", hash(token))
        .map(
            row -> {
              boolean reused = row.get("used_at") != null || row.get("revoked_at") != null;
              return new Object[] {row.get("family_id", UUID.class), reused};
            })
        .one()
        .flatMap(
            found ->
                (boolean) found[1]
                    ? revokeFamily((UUID) found[0]).thenReturn(Rejection.REUSED)
                    : Mono.just(Rejection.EXPIRED))
        .defaultIfEmpty(Rejection.UNKNOWN);
  }

  Mono<Long> revokeFamily(UUID familyId) {
    return db.sql(
            "UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = :family AND revoked_at"
                + " IS NULL")
        .bind("family", familyId)
        .fetch()
        .rowsUpdated();
  }

  /** Revokes the family of {@code token} (logout); unknown tokens are ignored. */
  Mono<Long> revokeFamilyOf(String token) {
    return db.sql(
            "UPDATE refresh_tokens SET revoked_at = now() WHERE revoked_at IS NULL AND family_id ="
                + " (SELECT family_id FROM refresh_tokens WHERE token_hash = :hash)")
        .bind("hash", hash(token))
        .fetch()
        .rowsUpdated();
  }

  static String hash(String token) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
