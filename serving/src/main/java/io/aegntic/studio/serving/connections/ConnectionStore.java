package io.aegntic.studio.serving.connections;

import io.aegntic.studio.events.PlatformTokenCipher;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Platform connections; tokens go in and out only through {@link PlatformTokenCipher}. */
@Repository
class ConnectionStore {
  private static final String COLUMNS =
      "id, creator_id, platform, account_handle, scopes, status, expires_at, refresh_token IS NOT"
          + " NULL AS has_refresh, created_at, updated_at";
  private final DatabaseClient db;
  private final PlatformTokenCipher cipher;

  ConnectionStore(DatabaseClient db, PlatformTokenCipher cipher) {
    this.db = db;
    this.cipher = cipher;
  }

  Flux<ConnectionApi.Connection> list(Collection<String> creators) {
    return db.sql(
            "SELECT "
                + COLUMNS
                + " FROM platform_connections WHERE creator_id = ANY(:creators) ORDER BY"
                + " created_at, id")
        .bind("creators", creators.toArray(String[]::new))
        .map(ConnectionStore::connection)
        .all();
  }

  Mono<ConnectionApi.Connection> get(Collection<String> creators, UUID id) {
    return db.sql(
            "SELECT "
                + COLUMNS
                + " FROM platform_connections WHERE id = :id AND creator_id = ANY(:creators)")
        .bind("id", id)
        .bind("creators", creators.toArray(String[]::new))
        .map(ConnectionStore::connection)
        .one();
  }

  /** Inserts; completes empty when the creator already connected that account. */
  Mono<ConnectionApi.Connection> insert(String creatorId, ConnectionApi.CreateRequest r) {
    return db.sql(
            "INSERT INTO platform_connections (id, creator_id, platform, account_handle,"
                + " access_token, refresh_token, scopes, expires_at) VALUES (:id, :creator,"
                + " :platform, :handle, :access, :refresh, :scopes, :expires) ON CONFLICT DO"
                + " NOTHING RETURNING "
                + COLUMNS)
        .bind("id", UUID.randomUUID())
        .bind("creator", creatorId)
        .bind("platform", r.platform())
        .bind("handle", r.accountHandle())
        .bind("access", cipher.encrypt(r.accessToken(), creatorId, r.platform()))
        .bind("refresh", bytes(r.refreshToken(), creatorId, r.platform()))
        .bind("scopes", r.scopes() == null ? "" : r.scopes())
        .bind("expires", Parameter.fromOrEmpty(r.expiresAt(), Instant.class))
        .map(ConnectionStore::connection)
        .one();
  }

  Mono<ConnectionApi.Connection> update(
      ConnectionApi.Connection existing, ConnectionApi.UpdateRequest r) {
    String creator = existing.creatorId();
    String platform = existing.platform();
    return db.sql(
            "UPDATE platform_connections SET account_handle = COALESCE(:handle, account_handle),"
                + " access_token = COALESCE(:access, access_token), refresh_token ="
                + " COALESCE(:refresh, refresh_token), scopes = COALESCE(:scopes, scopes),"
                + " expires_at = COALESCE(:expires, expires_at), status = COALESCE(:status, CASE WHEN"
                + " :reconnected AND status = 'needs_reconnect' THEN 'active' ELSE status END),"
                + " updated_at = now() WHERE id = :id AND creator_id = :creator RETURNING "
                + COLUMNS)
        .bind("id", existing.id())
        .bind("creator", creator)
        .bind("handle", Parameter.fromOrEmpty(r.accountHandle(), String.class))
        .bind(
            "access",
            r.accessToken() == null
                ? Parameter.empty(byte[].class)
                : Parameter.from(cipher.encrypt(r.accessToken(), creator, platform)))
        .bind("refresh", bytes(r.refreshToken(), creator, platform))
        .bind("scopes", Parameter.fromOrEmpty(r.scopes(), String.class))
        .bind("expires", Parameter.fromOrEmpty(r.expiresAt(), Instant.class))
        .bind("status", Parameter.fromOrEmpty(r.status(), String.class))
        // A new access token for a connection ingest marked needs_reconnect makes it active again.
        .bind("reconnected", r.accessToken() != null)
        .map(ConnectionStore::connection)
        .one();
  }

  Mono<Long> delete(Collection<String> creators, UUID id) {
    return db.sql("DELETE FROM platform_connections WHERE id = :id AND creator_id = ANY(:creators)")
        .bind("id", id)
        .bind("creators", creators.toArray(String[]::new))
        .fetch()
        .rowsUpdated();
  }

  /** The decrypted access token, for pollers acting for the creator; never sent to clients. */
  Mono<String> accessToken(String creatorId, UUID id) {
    return db.sql(
            "SELECT platform, access_token FROM platform_connections WHERE id = :id AND creator_id"
                + " = :creator")
        .bind("id", id)
        .bind("creator", creatorId)
        .map(
            row ->
                cipher.decrypt(
                    row.get("access_token", byte[].class),
                    creatorId,
                    row.get("platform", String.class)))
        .one();
  }

  private Parameter bytes(String plain, String creator, String platform) {
    return plain == null
        ? Parameter.empty(byte[].class)
        : Parameter.from(cipher.encrypt(plain, creator, platform));
  }

  static ConnectionApi.Connection connection(Readable row) {
    return new ConnectionApi.Connection(
        row.get("id", UUID.class),
        row.get("creator_id", String.class),
        row.get("platform", String.class),
        row.get("account_handle", String.class),
        row.get("scopes", String.class),
        row.get("status", String.class),
        row.get("expires_at", Instant.class),
        Boolean.TRUE.equals(row.get("has_refresh", Boolean.class)),
        row.get("created_at", Instant.class),
        row.get("updated_at", Instant.class));
  }
}
