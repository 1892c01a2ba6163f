package io.aegntic.studio.serving.automation;

import io.aegntic.studio.events.RuleTrigger;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code automation_executions}, the audit trail: one row per trigger id (unique), so a redelivered
 * trigger finds its row and is not executed again.
 */
@Repository
class ExecutionStore {
  private final DatabaseClient db;

  ExecutionStore(DatabaseClient db) {
    this.db = db;
  }

  /** What an action produced, for the execution's row. */
  record Outcome(
      boolean succeeded,
      String error,
      String provider,
      String model,
      Integer inputTokens,
      Integer outputTokens,
      BigDecimal costUsd,
      UUID contentId,
      int attempts) {

    static Outcome ok(int attempts) {
      return new Outcome(true, null, null, null, null, null, null, null, attempts);
    }

    static Outcome failed(String reason, int attempts) {
      return new Outcome(false, reason, null, null, null, null, null, null, attempts);
    }
  }

  /**
   * Claims the trigger: inserts a {@code running} row and returns its id, or nothing when the
   * trigger id was seen before or its creator is unknown here. A row left {@code running} for more
   * than 10 minutes (serving stopped mid-action) is taken over, so that firing is not lost.
   */
  Mono<UUID> claim(RuleTrigger t, String context) {
    UUID id = UUID.randomUUID();
    return db.sql(
            "INSERT INTO automation_executions (id, trigger_id, rule_id, creator_id, subject,"
                + " action_type, status, context, fired_at, attempts) SELECT :id, :trigger, (SELECT"
                + " r.id FROM automation_rules r WHERE r.id::text = :rule AND r.creator_id ="
                + " :creator), c.id, :subject, :action, 'running', :context, :fired, 0 FROM"
                + " creators c WHERE c.id = :creator ON CONFLICT (trigger_id) DO UPDATE SET started_at = now()"
                + " WHERE automation_executions.status = 'running' AND"
                + " automation_executions.started_at < now() - interval '10 minutes' RETURNING"
                + " automation_executions.id")
        .bind("id", id)
        .bind("trigger", t.triggerId())
        .bind("rule", t.ruleId())
        .bind("creator", t.creatorId())
        .bind("subject", t.subject())
        .bind("action", t.action().type().id())
        .bind("context", context)
        .bind("fired", t.firedAt())
        .map(row -> row.get("id", UUID.class))
        .one();
  }

  Mono<Void> finish(UUID id, Outcome o) {
    DatabaseClient.GenericExecuteSpec sql =
        db.sql(
                "UPDATE automation_executions SET status = :status, error = :error, provider ="
                    + " :provider, model = :model, input_tokens = :in, output_tokens = :out,"
                    + " cost_usd = :cost, content_id = :content, attempts = :attempts,"
                    + " finished_at = now() WHERE id = :id")
            .bind("id", id)
            .bind("status", o.succeeded() ? "succeeded" : "failed")
            .bind("attempts", o.attempts());
    for (Map.Entry<String, Object[]> e :
        Map.<String, Object[]>of(
                "error", new Object[] {o.error(), String.class},
                "provider", new Object[] {o.provider(), String.class},
                "model", new Object[] {o.model(), String.class},
                "in", new Object[] {o.inputTokens(), Integer.class},
                "out", new Object[] {o.outputTokens(), Integer.class},
                "cost", new Object[] {o.costUsd(), BigDecimal.class},
                "content", new Object[] {o.contentId(), UUID.class})
            .entrySet()) {
      Object value = e.getValue()[0];
      sql =
          value == null
              ? sql.bindNull(e.getKey(), (Class<?>) e.getValue()[1])
              : sql.bind(e.getKey(), value);
    }
    return sql.fetch().rowsUpdated().then();
  }

  /** Newest first; {@code ruleId} null = every rule of the creators. */
  Flux<RuleApi.Execution> list(List<String> creators, UUID ruleId, int limit) {
    String where = ruleId == null ? "" : " AND rule_id = :rule";
    DatabaseClient.GenericExecuteSpec sql =
        db.sql(
                "SELECT * FROM automation_executions WHERE creator_id = ANY(:creators)"
                    + where
                    + " ORDER BY started_at DESC, id LIMIT :limit")
            .bind("creators", creators.toArray(String[]::new))
            .bind("limit", limit);
    if (ruleId != null) {
      sql = sql.bind("rule", ruleId);
    }
    return sql.map(ExecutionStore::row).all();
  }

  private static RuleApi.Execution row(Readable row) {
    UUID rule = row.get("rule_id", UUID.class);
    UUID content = row.get("content_id", UUID.class);
    BigDecimal cost = row.get("cost_usd", BigDecimal.class);
    OffsetDateTime fired = row.get("fired_at", OffsetDateTime.class);
    OffsetDateTime finished = row.get("finished_at", OffsetDateTime.class);
    return new RuleApi.Execution(
        row.get("id", UUID.class).toString(),
        row.get("trigger_id", String.class),
        rule == null ? null : rule.toString(),
        row.get("creator_id", String.class),
        row.get("subject", String.class),
        row.get("action_type", String.class),
        row.get("status", String.class),
        row.get("error", String.class),
        row.get("provider", String.class),
        row.get("model", String.class),
        row.get("input_tokens", Integer.class),
        row.get("output_tokens", Integer.class),
        cost == null ? null : cost.doubleValue(),
        content == null ? null : content.toString(),
        row.get("attempts", Integer.class),
        fired == null ? null : fired.toInstant(),
        row.get("started_at", OffsetDateTime.class).toInstant(),
        finished == null ? null : finished.toInstant());
  }
}
