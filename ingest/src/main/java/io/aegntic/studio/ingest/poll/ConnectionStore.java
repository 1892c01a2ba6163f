package io.aegntic.studio.ingest.poll;

import io.aegntic.studio.events.PlatformTokenCipher;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Mono;

/**
 * Reads serving's {@code platform_connections} (serving owns the schema) and writes back only what
 * a poller learns: refreshed tokens and the {@code needs_reconnect} status.
 */
class ConnectionStore {
  static final String NEEDS_RECONNECT = "needs_reconnect";
  private final DatabaseClient db;
  private static final Logger log = LoggerFactory.getLogger(ConnectionStore.class);
  private final PlatformTokenCipher cipher;
  private final Set<UUID> undecryptable = ConcurrentHashMap.newKeySet();

  ConnectionStore(DatabaseClient db, PlatformTokenCipher cipher) {
    this.db = db;
    this.cipher = cipher;
  }

  /** The active connections of a platform, oldest first. */
  List<Connection> active(String platform) {
    return db.sql(
            "SELECT id, creator_id, account_handle, access_token, refresh_token, expires_at FROM"
                + " platform_connections WHERE platform = :platform AND status = 'active' ORDER BY"
                + " created_at, id")
        .bind("platform", platform)
        .map(
            row -> {
              UUID id = row.get("id", UUID.class);
              String creator = row.get("creator_id", String.class);
              byte[] refresh = row.get("refresh_token", byte[].class);
              try {
                return Optional.of(
                    new Connection(
                        id,
                        creator,
                        platform,
                        row.get("account_handle", String.class),
                        cipher.decrypt(row.get("access_token", byte[].class), creator, platform),
                        refresh == null ? null : cipher.decrypt(refresh, creator, platform),
                        row.get("expires_at", Instant.class)));
              } catch (IllegalStateException e) {
                // One undecryptable row (another key, a tampered row) must not stop the others.
                if (undecryptable.add(id)) {
                  log.warn("connection {} skipped: {}", id, e.getMessage());
                }
                return Optional.<Connection>empty();
              }
            })
        .all()
        .flatMap(Mono::justOrEmpty)
        .collectList()
        .block();
  }

  /** Stores refreshed tokens (encrypted) unless the connection was changed away from active. */
  void saveTokens(Connection c, String access, String refresh, Instant expiresAt) {
    db.sql(
            "UPDATE platform_connections SET access_token = :access, refresh_token ="
                + " COALESCE(:refresh, refresh_token), expires_at = :expires, updated_at = now()"
                + " WHERE id = :id AND status = 'active'")
        .bind("id", c.id())
        .bind("access", cipher.encrypt(access, c.creatorId(), c.platform()))
        .bind(
            "refresh",
            refresh == null
                ? Parameter.empty(byte[].class)
                : Parameter.from(cipher.encrypt(refresh, c.creatorId(), c.platform())))
        .bind("expires", Parameter.fromOrEmpty(expiresAt, Instant.class))
        .fetch()
        .rowsUpdated()
        .block();
  }

  /** Marks a connection whose tokens the platform no longer accepts; serving shows the status. */
  void markNeedsReconnect(Connection c) {
    db.sql(
            "UPDATE platform_connections SET status = :status, updated_at = now() WHERE id = :id"
                + " AND status = 'active'")
        .bind("id", c.id())
        .bind("status", NEEDS_RECONNECT)
        .fetch()
        .rowsUpdated()
        .block();
  }
}
