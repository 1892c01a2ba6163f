package io.aegntic.studio.serving.content;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The content schedule; every statement is filtered by the caller's creator ids. */
@Repository
class ScheduleStore {
  private static final String SELECT =
      "SELECT s.*, c.title FROM content_schedule s JOIN content_items c ON c.id = s.content_id";
  private final DatabaseClient db;

  ScheduleStore(DatabaseClient db) {
    this.db = db;
  }

  Flux<ContentApi.ScheduleEntry> list(Collection<String> creators, Instant from, Instant to) {
    return db.sql(
            SELECT
                + " WHERE s.creator_id = ANY(:creators) AND s.publish_at >= :from AND s.publish_at"
                + " < :to ORDER BY s.publish_at, s.id LIMIT 1000")
        .bind("creators", creators.toArray(String[]::new))
        .bind("from", from)
        .bind("to", to)
        .map(ScheduleStore::entry)
        .all();
  }

  /** Schedules an item; completes empty when it already has a pending entry. */
  Mono<UUID> insert(String creatorId, UUID contentId, String platform, Instant publishAt) {
    UUID id = UUID.randomUUID();
    return db.sql(
            "INSERT INTO content_schedule (id, content_id, creator_id, platform, publish_at) VALUES"
                + " (:id, :content, :creator, :platform, :at) ON CONFLICT DO NOTHING RETURNING id")
        .bind("id", id)
        .bind("content", contentId)
        .bind("creator", creatorId)
        .bind("platform", platform)
        .bind("at", publishAt)
        .map(row -> row.get("id", UUID.class))
        .one();
  }

  Mono<ContentApi.ScheduleEntry> get(Collection<String> creators, UUID id) {
    return db.sql(SELECT + " WHERE s.id = :id AND s.creator_id = ANY(:creators)")
        .bind("id", id)
        .bind("creators", creators.toArray(String[]::new))
        .map(ScheduleStore::entry)
        .one();
  }

  /** Cancels a pending entry; returns the affected entry's content id. */
  Mono<UUID> cancel(Collection<String> creators, UUID id) {
    return db.sql(
            "UPDATE content_schedule SET status = 'cancelled', updated_at = now() WHERE id = :id"
                + " AND creator_id = ANY(:creators) AND status = 'pending' RETURNING content_id")
        .bind("id", id)
        .bind("creators", creators.toArray(String[]::new))
        .map(row -> row.get("content_id", UUID.class))
        .one();
  }

  static ContentApi.ScheduleEntry entry(Readable row) {
    return new ContentApi.ScheduleEntry(
        row.get("id", UUID.class),
        row.get("content_id", UUID.class),
        row.get("creator_id", String.class),
        row.get("title", String.class),
        row.get("platform", String.class),
        row.get("publish_at", Instant.class),
        row.get("status", String.class),
        row.get("created_at", Instant.class));
  }
}
