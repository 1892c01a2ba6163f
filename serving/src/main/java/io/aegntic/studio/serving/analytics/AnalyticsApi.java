package io.aegntic.studio.serving.analytics;

import java.time.Instant;
import java.util.List;

/** Response bodies of {@code /api/analytics}. */
final class AnalyticsApi {
  private AnalyticsApi() {}

  record Point(Instant time, double value) {}

  /** One creator's series on one platform tag ("all" = the job's cross-platform aggregate). */
  record Series(String creatorId, String platform, List<Point> points) {}

  record SeriesResponse(
      String metric,
      String aggregate,
      String scope,
      String subject,
      Instant from,
      Instant to,
      String step,
      List<Series> series) {}

  /** A figure now and in the previous period of equal length; change = current - previous. */
  record Kpi(Double current, Double previous, Double change, Double changePct) {
    static Kpi of(Double current, Double previous) {
      Double change = current == null || previous == null ? null : current - previous;
      Double pct =
          change == null || previous == 0
              ? null
              : Math.round(change / Math.abs(previous) * 10_000) / 100.0;
      return new Kpi(current, previous, change, pct);
    }
  }

  record AutomationHealth(
      Kpi successRate, long succeeded, long failed, long running, long enabledRules) {}

  record TopPost(
      String creatorId,
      String contentId,
      double engagements,
      Double engagementRate,
      Kpi engagementsChange) {}

  record Trend(
      String creatorId,
      String scope,
      String subject,
      Double value,
      Double forecast,
      Double velocity,
      Double anomalyScore,
      boolean trending,
      Kpi valueChange) {}

  record Dashboard(
      String period,
      Instant from,
      Instant to,
      List<String> creators,
      Kpi followers,
      Kpi engagementRate,
      Kpi mrr,
      AutomationHealth automationHealth,
      List<TopPost> topPosts,
      List<Trend> trends) {}
}
