package io.aegntic.studio.jobs.analytics;

import java.util.List;
import java.util.Map;
import org.influxdb.InfluxDB;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;

/**
 * Creates what the job writes into: the database, the retention policies ({@code raw}: one-minute
 * points for 30 days, the default; {@code rollup}: hourly points for 400 days, the same names and
 * durations as the local stack uses) and one continuous query per measurement that rolls the
 * minutes up to hours. Running it again changes nothing.
 */
final class InfluxSchema {
  static final String RAW = "raw";
  static final String ROLLUP = "rollup";

  /** How each field rolls up: counts add, levels keep the last value, rates and scores average. */
  static final Map<String, List<String>> ROLLUPS =
      Map.of(
          "engagement",
          List.of(
              "sum(likes)",
              "sum(comments)",
              "sum(shares)",
              "sum(saves)",
              "sum(views)",
              "sum(engagements)",
              "sum(reach)",
              "mean(engagement_rate)",
              "max(engagement_score)",
              "sum(mentions)"),
          "audience",
          List.of("last(followers)", "sum(followers_change)"),
          "revenue",
          List.of(
              "last(mrr)",
              "sum(new_subscriptions)",
              "sum(churned_subscriptions)",
              "sum(refunds)",
              "sum(revenue)"),
          "sentiment",
          List.of(
              "sum(negative)",
              "sum(neutral)",
              "sum(positive)",
              "mean(mean_polarity)",
              "mean(negative_share)"),
          "trend",
          List.of(
              "mean(value)",
              "last(forecast)",
              "last(forecast_low)",
              "last(forecast_high)",
              "mean(velocity)",
              "max(anomaly_score)",
              "max(trending)"));

  private InfluxSchema() {}

  static void ensure(InfluxDB influx, String database) {
    String db = quote(database);
    run(influx, "CREATE DATABASE " + db);
    run(
        influx,
        "CREATE RETENTION POLICY "
            + quote(RAW)
            + " ON "
            + db
            + " DURATION 30d REPLICATION 1 DEFAULT");
    run(
        influx,
        "CREATE RETENTION POLICY " + quote(ROLLUP) + " ON " + db + " DURATION 400d REPLICATION 1");
    for (Map.Entry<String, List<String>> m : ROLLUPS.entrySet()) {
      run(influx, continuousQuery(database, m.getKey(), m.getValue()));
    }
  }

  static String continuousQuery(String database, String measurement, List<String> fields) {
    StringBuilder select = new StringBuilder();
    for (String f : fields) {
      String name = f.substring(f.indexOf('(') + 1, f.length() - 1);
      String fn = f.substring(0, f.indexOf('('));
      select
          .append(select.length() == 0 ? "" : ", ")
          .append(fn)
          .append('(')
          .append(quote(name))
          .append(") AS ")
          .append(quote(name));
    }
    String db = quote(database);
    return "CREATE CONTINUOUS QUERY "
        + quote("rollup_" + measurement)
        + " ON "
        + db
        + " RESAMPLE FOR 2h BEGIN SELECT "
        + select
        + " INTO "
        + db
        + "."
        + quote(ROLLUP)
        + "."
        + quote(measurement)
        + " FROM "
        + db
        + "."
        + quote(RAW)
        + "."
        + quote(measurement)
        + " GROUP BY time(1h), * END";
  }

  private static void run(InfluxDB influx, String statement) {
    QueryResult result = influx.query(new Query(statement));
    String error = result.getError();
    if (error == null && result.getResults() != null) {
      for (QueryResult.Result r : result.getResults()) {
        if (r.getError() != null) {
          error = r.getError();
        }
      }
    }
    if (error != null && !error.contains("already exists")) {
      throw new IllegalStateException("InfluxDB refused `" + statement + "`: " + error);
    }
  }

  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\\\"") + '"';
  }
}
