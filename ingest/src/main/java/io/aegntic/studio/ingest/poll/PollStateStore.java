package io.aegntic.studio.ingest.poll;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * ingest's own poll state in PostgreSQL: named cursors (page tokens, ETags, watermarks, due times)
 * and the known posts with their next due time, so a restart resumes where the last cycle stopped.
 */
class PollStateStore {
  private final DatabaseClient db;

  PollStateStore(DatabaseClient db) {
    this.db = db;
  }

  /** Every cursor of a connection (a null value means cleared). */
  Map<String, String> cursors(UUID connection) {
    Map<String, String> out = new HashMap<>();
    db.sql("SELECT name, value FROM ingest.poll_cursors WHERE connection_id = :id")
        .bind("id", connection)
        .map(
            row ->
                Map.entry(row.get("name", String.class), nullable(row.get("value", String.class))))
        .all()
        .doOnNext(e -> out.put(e.getKey(), e.getValue().isEmpty() ? null : e.getValue()))
        .blockLast();
    return out;
  }

  /** Writes several cursors in one statement, so they change together or not at all. */
  void put(UUID connection, Map<String, String> values) {
    if (values.isEmpty()) {
      return;
    }
    List<String> names = new ArrayList<>(values.keySet());
    String[] vals = names.stream().map(values::get).toArray(String[]::new);
    db.sql(
            "INSERT INTO ingest.poll_cursors (connection_id, name, value, updated_at) SELECT :id,"
                + " n, v, now() FROM unnest(CAST(:names AS text[]), CAST(:values AS text[])) AS"
                + " t(n, v) ON CONFLICT (connection_id, name) DO UPDATE SET value ="
                + " EXCLUDED.value, updated_at = now()")
        .bind("id", connection)
        .bind("names", names.toArray(String[]::new))
        .bind("values", vals)
        .fetch()
        .rowsUpdated()
        .block();
  }

  /** Adds posts not yet known (due at once); returns how many were new. */
  long addItems(UUID connection, Map<String, Instant> published, Instant now) {
    if (published.isEmpty()) {
      return 0;
    }
    List<String> ids = new ArrayList<>(published.keySet());
    Instant[] times = ids.stream().map(published::get).toArray(Instant[]::new);
    Long added =
        db.sql(
                "INSERT INTO ingest.poll_items (connection_id, content_id, published_at,"
                    + " next_poll_at) SELECT :id, c, p, :now FROM unnest(CAST(:ids AS text[]),"
                    + " CAST(:times AS timestamptz[])) AS t(c, p) ON CONFLICT DO NOTHING")
            .bind("id", connection)
            .bind("ids", ids.toArray(String[]::new))
            .bind("times", times)
            .bind("now", now)
            .fetch()
            .rowsUpdated()
            .block();
    return added == null ? 0 : added;
  }

  /** The posts due now, the most overdue first. */
  List<Item> due(UUID connection, Instant now, int limit) {
    return db.sql(
            "SELECT content_id, published_at FROM ingest.poll_items WHERE connection_id = :id AND"
                + " next_poll_at <= :now ORDER BY next_poll_at, content_id LIMIT :limit")
        .bind("id", connection)
        .bind("now", now)
        .bind("limit", limit)
        .map(
            row ->
                new Item(
                    row.get("content_id", String.class), row.get("published_at", Instant.class)))
        .all()
        .collectList()
        .block();
  }

  void reschedule(UUID connection, Map<String, Instant> next) {
    if (next.isEmpty()) {
      return;
    }
    List<String> ids = new ArrayList<>(next.keySet());
    db.sql(
            "UPDATE ingest.poll_items i SET next_poll_at = t.n FROM unnest(CAST(:ids AS text[]),"
                + " CAST(:times AS timestamptz[])) AS t(c, n) WHERE i.connection_id = :id AND"
                + " i.content_id = t.c")
        .bind("id", connection)
        .bind("ids", ids.toArray(String[]::new))
        .bind("times", ids.stream().map(next::get).toArray(Instant[]::new))
        .fetch()
        .rowsUpdated()
        .block();
  }

  private static String nullable(String v) {
    return v == null ? "" : v;
  }

  /** A known post. */
  record Item(String contentId, Instant publishedAt) {}
}
