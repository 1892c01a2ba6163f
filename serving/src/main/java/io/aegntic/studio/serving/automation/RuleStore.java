package io.aegntic.studio.serving.automation;

import com.fasterxml.jackson.core.type.TypeReference;
import io.aegntic.studio.events.AutomationRule;
import io.aegntic.studio.events.EventJson;
import io.aegntic.studio.events.MetricUpdate;
import io.r2dbc.spi.Readable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code automation_rules}: every query is scoped by the caller's creator ids. */
@Repository
class RuleStore {
  private static final TypeReference<Map<String, String>> SETTINGS = new TypeReference<>() {};
  private final DatabaseClient db;

  RuleStore(DatabaseClient db) {
    this.db = db;
  }

  Mono<StoredRule> insert(
      UUID id, String creatorId, RuleSpec spec, byte[] sealedSecret, Instant now) {
    DatabaseClient.GenericExecuteSpec sql =
        db.sql(
                "INSERT INTO automation_rules (id, creator_id, name, metric, scope, subject,"
                    + " comparator, threshold, window_seconds, cooldown_seconds, enabled,"
                    + " action_type, action_settings, webhook_secret, created_at, updated_at)"
                    + " VALUES (:id, :creator, :name, :metric, :scope, :subject, :comparator,"
                    + " :threshold, :window, :cooldown, :enabled, :actionType, :settings, :secret,"
                    + " :now, :now) RETURNING *")
            .bind("id", id)
            .bind("creator", creatorId)
            .bind("now", now);
    sql =
        sealedSecret == null
            ? sql.bindNull("secret", byte[].class)
            : sql.bind("secret", sealedSecret);
    return bindSpec(sql, spec).map(RuleStore::row).one();
  }

  /** Replaces the rule's definition; the webhook secret is kept unless one is given. */
  Mono<StoredRule> update(UUID id, RuleSpec spec, byte[] sealedSecret, Instant now) {
    DatabaseClient.GenericExecuteSpec sql =
        db.sql(
                "UPDATE automation_rules SET name = :name, metric = :metric, scope = :scope,"
                    + " subject = :subject, comparator = :comparator, threshold = :threshold,"
                    + " window_seconds = :window, cooldown_seconds = :cooldown, enabled ="
                    + " :enabled, action_type = :actionType, action_settings = :settings,"
                    + " webhook_secret = COALESCE(:secret, webhook_secret), version = version +"
                    + " 1, updated_at = :now WHERE id = :id RETURNING *")
            .bind("id", id)
            .bind("now", now);
    sql =
        sealedSecret == null
            ? sql.bindNull("secret", byte[].class)
            : sql.bind("secret", sealedSecret);
    return bindSpec(sql, spec).map(RuleStore::row).one();
  }

  Mono<StoredRule> get(List<String> creators, UUID id) {
    return db.sql("SELECT * FROM automation_rules WHERE id = :id AND creator_id = ANY(:creators)")
        .bind("id", id)
        .bind("creators", creators.toArray(String[]::new))
        .map(RuleStore::row)
        .one();
  }

  /** Any creator's rule: for trigger handling, where the trigger's creator already scopes it. */
  Mono<StoredRule> byId(UUID id) {
    return db.sql("SELECT * FROM automation_rules WHERE id = :id")
        .bind("id", id)
        .map(RuleStore::row)
        .one();
  }

  Flux<StoredRule> list(List<String> creators) {
    return db.sql(
            "SELECT * FROM automation_rules WHERE creator_id = ANY(:creators) ORDER BY"
                + " created_at DESC, id")
        .bind("creators", creators.toArray(String[]::new))
        .map(RuleStore::row)
        .all();
  }

  Mono<Long> delete(UUID id) {
    return db.sql("DELETE FROM automation_rules WHERE id = :id")
        .bind("id", id)
        .fetch()
        .rowsUpdated();
  }

  private static DatabaseClient.GenericExecuteSpec bindSpec(
      DatabaseClient.GenericExecuteSpec sql, RuleSpec s) {
    sql =
        sql.bind("name", s.name())
            .bind("metric", s.family().name().toLowerCase(Locale.ROOT) + "." + s.metric())
            .bind("scope", s.scope().name().toLowerCase(Locale.ROOT))
            .bind("comparator", s.comparator().id())
            .bind("threshold", s.threshold())
            .bind("window", (int) s.window().toSeconds())
            .bind("cooldown", (int) s.cooldown().toSeconds())
            .bind("enabled", s.enabled())
            .bind("actionType", s.action().type().id())
            .bind("settings", EventJson.writeString(s.action().settings()));
    return s.subject() == null
        ? sql.bindNull("subject", String.class)
        : sql.bind("subject", s.subject());
  }

  static StoredRule row(Readable row) {
    String metric = row.get("metric", String.class);
    int dot = metric.indexOf('.');
    RuleSpec spec =
        new RuleSpec(
            row.get("name", String.class),
            MetricUpdate.Family.valueOf(metric.substring(0, dot).toUpperCase(Locale.ROOT)),
            metric.substring(dot + 1),
            MetricUpdate.Scope.valueOf(row.get("scope", String.class).toUpperCase(Locale.ROOT)),
            row.get("subject", String.class),
            AutomationRule.Comparator.of(row.get("comparator", String.class)),
            row.get("threshold", Double.class),
            Duration.ofSeconds(row.get("window_seconds", Integer.class)),
            Duration.ofSeconds(row.get("cooldown_seconds", Integer.class)),
            Boolean.TRUE.equals(row.get("enabled", Boolean.class)),
            new AutomationRule.Action(
                AutomationRule.ActionType.of(row.get("action_type", String.class)),
                settings(row.get("action_settings", String.class))));
    byte[] sealed = row.get("webhook_secret", byte[].class);
    return new StoredRule(
        row.get("id", UUID.class),
        row.get("creator_id", String.class),
        spec,
        sealed,
        row.get("version", Long.class),
        row.get("created_at", OffsetDateTime.class).toInstant(),
        row.get("updated_at", OffsetDateTime.class).toInstant());
  }

  private static Map<String, String> settings(String json) {
    try {
      return EventJson.mapper().readValue(json, SETTINGS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
