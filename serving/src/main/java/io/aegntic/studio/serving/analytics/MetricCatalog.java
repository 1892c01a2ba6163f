package io.aegntic.studio.serving.analytics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The only measurement and field names an InfluxQL statement may contain: one measurement per
 * metric family, fields named as the analytics job writes them, each with the aggregate that makes
 * sense when several windows fall into one step (counts add up, rates average, gauges take the last
 * value).
 */
final class MetricCatalog {
  /** A queryable metric: measurement (= family), field and its aggregate function. */
  record Metric(String family, String field, String aggregate) {
    String id() {
      return family + "." + field;
    }
  }

  private static final Map<String, Metric> METRICS = new LinkedHashMap<>();

  static {
    family(
        "engagement",
        "sum",
        "likes",
        "comments",
        "shares",
        "saves",
        "views",
        "engagements",
        "reach");
    family("engagement", "mean", "engagement_rate", "engagement_score");
    family("audience", "last", "followers");
    family("audience", "sum", "followers_change");
    family("sentiment", "sum", "negative", "neutral", "positive");
    family("sentiment", "mean", "mean_polarity", "negative_share");
    family(
        "trend",
        "mean",
        "value",
        "forecast",
        "forecast_low",
        "forecast_high",
        "velocity",
        "anomaly_score");
    family("trend", "max", "trending");
    family("revenue", "last", "mrr");
    family("revenue", "sum", "new_subscriptions", "churned_subscriptions", "refunds", "revenue");
  }

  private MetricCatalog() {}

  private static void family(String family, String aggregate, String... fields) {
    for (String field : fields) {
      Metric m = new Metric(family, field, aggregate);
      METRICS.put(m.id(), m);
    }
  }

  static Optional<Metric> find(String id) {
    return Optional.ofNullable(id == null ? null : METRICS.get(id));
  }

  static Iterable<String> ids() {
    return METRICS.keySet();
  }
}
