package io.aegntic.studio.serving.analytics;

import java.time.Instant;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Automation health from the execution audit trail: success rate now and in the prior period. */
@Component
class AutomationStats {
  private final DatabaseClient db;

  AutomationStats(DatabaseClient db) {
    this.db = db;
  }

  private record Counts(long succeeded, long failed, long running) {
    Double rate() {
      long done = succeeded + failed;
      return done == 0 ? null : Math.round(succeeded * 10_000.0 / done) / 100.0;
    }
  }

  Mono<AnalyticsApi.AutomationHealth> health(
      List<String> creators, Instant from, Instant to, Instant previousFrom) {
    return Mono.zip(
            counts(creators, from, to),
            counts(creators, previousFrom, from),
            enabledRules(creators))
        .map(
            t ->
                new AnalyticsApi.AutomationHealth(
                    AnalyticsApi.Kpi.of(t.getT1().rate(), t.getT2().rate()),
                    t.getT1().succeeded(),
                    t.getT1().failed(),
                    t.getT1().running(),
                    t.getT3()));
  }

  private Mono<Counts> counts(List<String> creators, Instant from, Instant to) {
    return db.sql(
            "SELECT count(*) FILTER (WHERE status = 'succeeded') AS s, count(*) FILTER (WHERE"
                + " status = 'failed') AS f, count(*) FILTER (WHERE status = 'running') AS r FROM"
                + " automation_executions WHERE creator_id = ANY(:creators) AND started_at >= :from"
                + " AND started_at < :to")
        .bind("creators", creators.toArray(String[]::new))
        .bind("from", from)
        .bind("to", to)
        .map(
            row ->
                new Counts(
                    row.get("s", Long.class), row.get("f", Long.class), row.get("r", Long.class)))
        .one();
  }

  private Mono<Long> enabledRules(List<String> creators) {
    return db.sql(
            "SELECT count(*) AS n FROM automation_rules WHERE creator_id = ANY(:creators) AND"
                + " enabled")
        .bind("creators", creators.toArray(String[]::new))
        .map(row -> row.get("n", Long.class))
        .one();
  }
}
