package io.aegntic.studio.serving.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's InfluxQL and how their rows are combined. The job may write both per-platform
 * series and a cross-platform one (platform tag {@code all}); a creator's figure is the {@code all}
 * row when there is one, otherwise the sum over platforms, so nothing is counted twice.
 */
final class DashboardQueries {
  private DashboardQueries() {}

  static InfluxQl.Statement perCreator(
      DashboardService.Window w, String measurement, List<InfluxQl.Column> columns) {
    return InfluxQl.select(
        measurement,
        columns,
        w.creators(),
        "creator",
        null,
        w.platform(),
        w.from(),
        w.to(),
        null,
        List.of("creator", "platform"),
        0);
  }

  static InfluxQl.Statement topPosts(DashboardService.Window w) {
    return InfluxQl.select(
        "engagement",
        List.of(
            new InfluxQl.Column("sum", "engagements"),
            new InfluxQl.Column("mean", "engagement_rate")),
        w.creators(),
        "content",
        null,
        w.platform(),
        w.from(),
        w.to(),
        null,
        List.of("creator", "subject", "platform"),
        0);
  }

  static InfluxQl.Statement trends(DashboardService.Window w) {
    return InfluxQl.select(
        "trend",
        List.of(
            new InfluxQl.Column("last", "value"),
            new InfluxQl.Column("last", "forecast"),
            new InfluxQl.Column("last", "velocity"),
            new InfluxQl.Column("max", "anomaly_score"),
            new InfluxQl.Column("max", "trending")),
        w.creators(),
        null,
        null,
        w.platform(),
        w.from(),
        w.to(),
        null,
        List.of("creator", "scope", "subject", "platform"),
        0);
  }

  /** Sum over creators of each creator's figure for {@code field}; null when there is no data. */
  static Double sumOverCreators(List<InfluxReader.Row> rows, String field) {
    Map<String, List<InfluxReader.Row>> byCreator = group(rows, "creator");
    Double total = null;
    for (List<InfluxReader.Row> creatorRows : byCreator.values()) {
      Double v = combine(creatorRows, field);
      if (v != null) {
        total = total == null ? v : total + v;
      }
    }
    return total;
  }

  /** The {@code all} row's value if present, else the sum over the platform rows. */
  static Double combine(List<InfluxReader.Row> rows, String field) {
    Double sum = null;
    for (InfluxReader.Row row : rows) {
      Double v = row.values().get(field);
      if (v == null) {
        continue;
      }
      if ("all".equals(row.tags().get("platform"))) {
        return v;
      }
      sum = sum == null ? v : sum + v;
    }
    return sum;
  }

  static List<AnalyticsApi.TopPost> topPosts(
      List<InfluxReader.Row> now, List<InfluxReader.Row> before, int limit) {
    Map<String, List<InfluxReader.Row>> current = group(now, "creator", "subject");
    Map<String, List<InfluxReader.Row>> previous = group(before, "creator", "subject");
    List<AnalyticsApi.TopPost> posts = new ArrayList<>();
    current.forEach(
        (key, rows) -> {
          Double engagements = combine(rows, "engagements");
          if (engagements == null) {
            return;
          }
          Double rate = preferAll(rows, "engagement_rate");
          Double earlier =
              previous.containsKey(key) ? combine(previous.get(key), "engagements") : null;
          InfluxReader.Row first = rows.get(0);
          posts.add(
              new AnalyticsApi.TopPost(
                  first.tags().get("creator"),
                  first.tags().get("subject"),
                  engagements,
                  rate,
                  AnalyticsApi.Kpi.of(engagements, earlier)));
        });
    posts.sort(Comparator.comparingDouble(AnalyticsApi.TopPost::engagements).reversed());
    return posts.subList(0, Math.min(limit, posts.size()));
  }

  static List<AnalyticsApi.Trend> trends(
      List<InfluxReader.Row> now, List<InfluxReader.Row> before, int limit) {
    Map<String, List<InfluxReader.Row>> current = group(now, "creator", "scope", "subject");
    Map<String, List<InfluxReader.Row>> previous = group(before, "creator", "scope", "subject");
    List<AnalyticsApi.Trend> trends = new ArrayList<>();
    current.forEach(
        (key, rows) -> {
          InfluxReader.Row first = rows.get(0);
          if ("creator".equals(first.tags().get("scope"))) {
            return;
          }
          Double value = preferAll(rows, "value");
          Double earlier = previous.containsKey(key) ? preferAll(previous.get(key), "value") : null;
          Double trending = preferAll(rows, "trending");
          trends.add(
              new AnalyticsApi.Trend(
                  first.tags().get("creator"),
                  first.tags().get("scope"),
                  first.tags().get("subject"),
                  value,
                  preferAll(rows, "forecast"),
                  preferAll(rows, "velocity"),
                  preferAll(rows, "anomaly_score"),
                  trending != null && trending >= 1,
                  AnalyticsApi.Kpi.of(value, earlier)));
        });
    trends.sort(
        Comparator.comparing((AnalyticsApi.Trend t) -> !t.trending())
            .thenComparing(
                AnalyticsApi.Trend::velocity, Comparator.nullsLast(Comparator.reverseOrder())));
    return trends.subList(0, Math.min(limit, trends.size()));
  }

  /** The {@code all} row's value if present, else the first platform row's. */
  static Double preferAll(List<InfluxReader.Row> rows, String field) {
    Double any = null;
    for (InfluxReader.Row row : rows) {
      Double v = row.values().get(field);
      if (v != null && "all".equals(row.tags().get("platform"))) {
        return v;
      }
      any = any == null ? v : any;
    }
    return any;
  }

  private static Map<String, List<InfluxReader.Row>> group(
      List<InfluxReader.Row> rows, String... tags) {
    Map<String, List<InfluxReader.Row>> out = new LinkedHashMap<>();
    for (InfluxReader.Row row : rows) {
      StringBuilder key = new StringBuilder();
      for (String tag : tags) {
        key.append(row.tags().getOrDefault(tag, "")).append('\n');
      }
      out.computeIfAbsent(key.toString(), k -> new ArrayList<>()).add(row);
    }
    return out;
  }
}
