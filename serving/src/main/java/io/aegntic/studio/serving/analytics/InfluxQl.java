package io.aegntic.studio.serving.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds InfluxQL statements from validated parts only. Measurement and field names come from the
 * {@link MetricCatalog}, every user-supplied value (creator, scope, subject, platform) is a bound
 * parameter, and times and steps are numbers rendered from parsed values, never request text.
 */
final class InfluxQl {
  private InfluxQl() {}

  /** A statement and its bound parameters. */
  record Statement(String text, Map<String, Object> params) {}

  /** One field with its aggregate, e.g. {@code sum("likes") AS "likes"}. */
  record Column(String aggregate, String field) {
    String render() {
      return aggregate == null
          ? quote(field)
          : aggregate + "(" + quote(field) + ") AS " + quote(field);
    }
  }

  /** The series of {@code query} for {@code creators}, grouped by creator and platform. */
  static Statement series(MetricQuery query, List<String> creators) {
    MetricCatalog.Metric m = query.metric();
    Column column = new Column(query.step() == null ? null : m.aggregate(), m.field());
    return select(
        m.family(),
        List.of(column),
        creators,
        query.scope(),
        query.subject(),
        query.platform(),
        query.from(),
        query.to(),
        query.step(),
        List.of("creator", "platform"),
        query.step() == null ? MetricQuery.MAX_POINTS : 0);
  }

  /** A general aggregate select over a time range, grouped by the given tags. */
  static Statement select(
      String measurement,
      List<Column> columns,
      List<String> creators,
      String scope,
      String subject,
      String platform,
      Instant from,
      Instant to,
      Duration step,
      List<String> groupTags,
      long limit) {
    if (creators.isEmpty()) {
      throw new IllegalArgumentException("no creators to query");
    }
    Map<String, Object> params = new LinkedHashMap<>();
    StringBuilder q = new StringBuilder("SELECT ");
    List<String> rendered = new ArrayList<>();
    columns.forEach(c -> rendered.add(c.render()));
    q.append(String.join(", ", rendered)).append(" FROM ").append(quote(measurement));
    q.append(" WHERE (");
    for (int i = 0; i < creators.size(); i++) {
      q.append(i == 0 ? "" : " OR ").append("\"creator\" = $c").append(i);
      params.put("c" + i, creators.get(i));
    }
    q.append(")");
    if (scope != null) {
      q.append(" AND \"scope\" = $scope");
      params.put("scope", scope);
    }
    if (subject != null) {
      q.append(" AND \"subject\" = $subject");
      params.put("subject", subject);
    }
    if (platform != null) {
      q.append(" AND \"platform\" = $platform");
      params.put("platform", platform);
    }
    q.append(" AND time >= ").append(nanos(from)).append(" AND time < ").append(nanos(to));
    List<String> groups = new ArrayList<>();
    if (step != null) {
      groups.add("time(" + step.toSeconds() + "s)");
    }
    groupTags.forEach(t -> groups.add(quote(t)));
    if (!groups.isEmpty()) {
      q.append(" GROUP BY ").append(String.join(", ", groups));
    }
    if (step != null) {
      q.append(" fill(none)");
    }
    if (limit > 0) {
      q.append(" LIMIT ").append(limit);
    }
    return new Statement(q.toString(), params);
  }

  static long nanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }

  /** Quotes an identifier from our own catalogue (never request text). */
  static String quote(String identifier) {
    if (!identifier.matches("[a-z_]+")) {
      throw new IllegalArgumentException("not a catalogue identifier: " + identifier);
    }
    return '"' + identifier + '"';
  }
}
