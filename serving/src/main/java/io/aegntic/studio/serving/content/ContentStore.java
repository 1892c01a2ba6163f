package io.aegntic.studio.serving.content;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Content items and their schedule; every statement is filtered by the caller's creator ids. */
@Repository
class ContentStore {
  private final DatabaseClient db;

  ContentStore(DatabaseClient db) {
    this.db = db;
  }

  Flux<ContentApi.Item> list(
      Collection<String> creators, String status, String platform, int limit) {
    return db.sql(
            "SELECT * FROM content_items WHERE creator_id = ANY(:creators) AND (CAST(:status AS text) IS"
                + " NULL OR status = :status) AND (CAST(:platform AS text) IS NULL OR platform ="
                + " :platform) ORDER BY updated_at DESC, id LIMIT :limit")
        .bind("creators", creators.toArray(String[]::new))
        .bind("status", nullable(status))
        .bind("platform", nullable(platform))
        .bind("limit", limit)
        .map(ContentStore::item)
        .all();
  }

  Mono<ContentApi.Item> get(Collection<String> creators, UUID id) {
    return db.sql("SELECT * FROM content_items WHERE id = :id AND creator_id = ANY(:creators)")
        .bind("id", id)
        .bind("creators", creators.toArray(String[]::new))
        .map(ContentStore::item)
        .one();
  }

  Mono<ContentApi.Item> insert(String creatorId, ContentApi.ItemRequest r, String source) {
    return db.sql(
            "INSERT INTO content_items (id, creator_id, title, body, platform, content_type,"
                + " status, hashtags, source) VALUES (:id, :creator, :title, :body, :platform,"
                + " :type, :status, :hashtags, :source) RETURNING *")
        .bind("id", UUID.randomUUID())
        .bind("creator", creatorId)
        .bind("title", r.title())
        .bind("body", r.body())
        .bind("platform", r.platform())
        .bind("type", r.type())
        .bind("status", r.status() == null ? "draft" : r.status())
        .bind("hashtags", hashtags(r.hashtags()))
        .bind("source", source)
        .map(ContentStore::item)
        .one();
  }

  Mono<ContentApi.Item> update(
      Collection<String> creators, UUID id, String creatorId, ContentApi.ItemRequest r) {
    return db.sql(
            "UPDATE content_items SET creator_id = :creator, title = :title, body = :body, platform"
                + " = :platform, content_type = :type, status = COALESCE(:status, status), hashtags"
                + " = :hashtags, updated_at = now() WHERE id = :id AND creator_id = ANY(:creators)"
                + " RETURNING *")
        .bind("id", id)
        .bind("creators", creators.toArray(String[]::new))
        .bind("creator", creatorId)
        .bind("title", r.title())
        .bind("body", r.body())
        .bind("platform", r.platform())
        .bind("type", r.type())
        .bind("status", nullable(r.status()))
        .bind("hashtags", hashtags(r.hashtags()))
        .map(ContentStore::item)
        .one();
  }

  Mono<Long> delete(Collection<String> creators, UUID id) {
    return db.sql("DELETE FROM content_items WHERE id = :id AND creator_id = ANY(:creators)")
        .bind("id", id)
        .bind("creators", creators.toArray(String[]::new))
        .fetch()
        .rowsUpdated();
  }

  Mono<Long> setStatus(String creatorId, UUID id, String status) {
    return db.sql(
            "UPDATE content_items SET status = :status, updated_at = now() WHERE id = :id AND"
                + " creator_id = :creator")
        .bind("status", status)
        .bind("id", id)
        .bind("creator", creatorId)
        .fetch()
        .rowsUpdated();
  }

  private static org.springframework.r2dbc.core.Parameter nullable(String value) {
    return org.springframework.r2dbc.core.Parameter.fromOrEmpty(value, String.class);
  }

  private static String hashtags(List<String> tags) {
    if (tags == null) {
      return "";
    }
    return String.join(
        " ", tags.stream().map(t -> t.startsWith("#") ? t.substring(1) : t).toList());
  }

  static ContentApi.Item item(Readable row) {
    String tags = row.get("hashtags", String.class);
    return new ContentApi.Item(
        row.get("id", UUID.class),
        row.get("creator_id", String.class),
        row.get("title", String.class),
        row.get("body", String.class),
        row.get("platform", String.class),
        row.get("content_type", String.class),
        row.get("status", String.class),
        tags == null || tags.isEmpty() ? List.of() : Arrays.asList(tags.split(" ")),
        row.get("source", String.class),
        row.get("created_at", Instant.class),
        row.get("updated_at", Instant.class));
  }
}
