package io.aegntic.studio.serving.auth;

import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Users and the creators they own. */
@Repository
class Users {
  private final DatabaseClient db;

  Users(DatabaseClient db) {
    this.db = db;
  }

  record User(UUID id, String email, String passwordHash, String displayName, Instant createdAt) {}

  Mono<User> byEmail(String email) {
    return db.sql("SELECT * FROM users WHERE email = :email")
        .bind("email", email)
        .map(
            row ->
                new User(
                    row.get("id", UUID.class),
                    row.get("email", String.class),
                    row.get("password_hash", String.class),
                    row.get("display_name", String.class),
                    row.get("created_at", Instant.class)))
        .one();
  }

  Mono<User> byId(UUID id) {
    return db.sql("SELECT * FROM users WHERE id = :id")
        .bind("id", id)
        .map(
            row ->
                new User(
                    row.get("id", UUID.class),
                    row.get("email", String.class),
                    row.get("password_hash", String.class),
                    row.get("display_name", String.class),
                    row.get("created_at", Instant.class)))
        .one();
  }

  /** Inserts a user; completes empty when the email is taken. */
  Mono<User> insert(String email, String passwordHash, String displayName) {
    UUID id = UUID.randomUUID();
    return db.sql(
            "INSERT INTO users (id, email, password_hash, display_name) VALUES (:id, :email, :hash,"
                + " :name) ON CONFLICT (email) DO NOTHING RETURNING created_at")
        .bind("id", id)
        .bind("email", email)
        .bind("hash", passwordHash)
        .bind("name", displayName)
        .map(row -> new User(id, email, passwordHash, displayName, row.get(0, Instant.class)))
        .one();
  }

  Mono<Long> updatePassword(UUID id, String passwordHash) {
    return db.sql("UPDATE users SET password_hash = :hash WHERE id = :id")
        .bind("hash", passwordHash)
        .bind("id", id)
        .fetch()
        .rowsUpdated();
  }

  /** Adds a creator owned by {@code owner}; an existing creator id is left as it is. */
  Mono<Long> addCreator(String creatorId, UUID owner, String displayName) {
    return db.sql(
            "INSERT INTO creators (id, owner_id, display_name) VALUES (:id, :owner, :name) ON"
                + " CONFLICT (id) DO NOTHING")
        .bind("id", creatorId)
        .bind("owner", owner)
        .bind("name", displayName)
        .fetch()
        .rowsUpdated();
  }

  record Creator(String id, String displayName) {}

  reactor.core.publisher.Flux<Creator> creatorsOf(UUID owner) {
    return db.sql(
            "SELECT id, display_name FROM creators WHERE owner_id = :owner ORDER BY created_at,"
                + " id")
        .bind("owner", owner)
        .map(row -> new Creator(row.get("id", String.class), row.get("display_name", String.class)))
        .all();
  }
}
