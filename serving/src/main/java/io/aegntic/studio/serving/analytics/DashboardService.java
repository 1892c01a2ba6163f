package io.aegntic.studio.serving.analytics;

import io.aegntic.studio.serving.config.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The command-center summary: followers, engagement rate, MRR, automation health, top posts and
 * trends for every creator the user owns, each compared with the previous period of equal length.
 */
@Service
class DashboardService {
  private static final Map<String, Duration> PERIODS =
      Map.of(
          "1h", Duration.ofHours(1),
          "6h", Duration.ofHours(6),
          "24h", Duration.ofHours(24),
          "7d", Duration.ofDays(7),
          "30d", Duration.ofDays(30));
  private static final int TOP = 5;

  private final InfluxReader influx;
  private final AutomationStats automation;
  private final Clock clock;

  DashboardService(InfluxReader influx, AutomationStats automation, Clock clock) {
    this.influx = influx;
    this.automation = automation;
    this.clock = clock;
  }

  Mono<AnalyticsApi.Dashboard> build(List<String> creators, String period, String platform) {
    Duration length = PERIODS.get(period);
    if (length == null) {
      throw ApiException.badRequest("bad_period", "period must be one of " + PERIODS.keySet());
    }
    if (platform != null && !MetricQuery.PLATFORMS.contains(platform)) {
      throw ApiException.badRequest("bad_platform", "unknown platform");
    }
    Instant to = clock.instant();
    Instant from = to.minus(length);
    Instant previousFrom = from.minus(length);
    if (creators.isEmpty()) {
      return Mono.just(
          new AnalyticsApi.Dashboard(
              period, from, to, creators, null, null, null, null, List.of(), List.of()));
    }
    Window now = new Window(creators, platform, from, to);
    Window before = new Window(creators, platform, previousFrom, from);
    Mono<AnalyticsApi.Kpi> followers =
        Mono.zip(
                total(now, "audience", "last", "followers"),
                total(before, "audience", "last", "followers"))
            .map(t -> AnalyticsApi.Kpi.of(t.getT1().value(), t.getT2().value()));
    Mono<AnalyticsApi.Kpi> mrr =
        Mono.zip(total(now, "revenue", "last", "mrr"), total(before, "revenue", "last", "mrr"))
            .map(t -> AnalyticsApi.Kpi.of(t.getT1().value(), t.getT2().value()));
    Mono<AnalyticsApi.Kpi> rate =
        Mono.zip(engagementRate(now), engagementRate(before))
            .map(t -> AnalyticsApi.Kpi.of(t.getT1().value(), t.getT2().value()));
    Mono<List<AnalyticsApi.TopPost>> top =
        Mono.zip(
                influx.query(DashboardQueries.topPosts(now)),
                influx.query(DashboardQueries.topPosts(before)))
            .map(t -> DashboardQueries.topPosts(t.getT1(), t.getT2(), TOP));
    Mono<List<AnalyticsApi.Trend>> trends =
        Mono.zip(
                influx.query(DashboardQueries.trends(now)),
                influx.query(DashboardQueries.trends(before)))
            .map(t -> DashboardQueries.trends(t.getT1(), t.getT2(), TOP));
    return Mono.zip(
            followers, rate, mrr, automation.health(creators, from, to, previousFrom), top, trends)
        .map(
            t ->
                new AnalyticsApi.Dashboard(
                    period, from, to, creators, t.getT1(), t.getT2(), t.getT3(), t.getT4(),
                    t.getT5(), t.getT6()));
  }

  /** A possibly missing number (Mono cannot carry null). */
  record Maybe(Double value) {}

  private Mono<Maybe> total(Window w, String measurement, String aggregate, String field) {
    return influx
        .query(
            DashboardQueries.perCreator(
                w, measurement, List.of(new InfluxQl.Column(aggregate, field))))
        .map(rows -> new Maybe(DashboardQueries.sumOverCreators(rows, field)));
  }

  private Mono<Maybe> engagementRate(Window w) {
    return influx
        .query(
            DashboardQueries.perCreator(
                w,
                "engagement",
                List.of(
                    new InfluxQl.Column("sum", "engagements"),
                    new InfluxQl.Column("sum", "reach"))))
        .map(
            rows -> {
              Double engagements = DashboardQueries.sumOverCreators(rows, "engagements");
              Double reach = DashboardQueries.sumOverCreators(rows, "reach");
              return new Maybe(
                  engagements == null || reach == null || reach == 0
                      ? null
                      : Math.round(engagements / reach * 100 * 10_000) / 10_000.0);
            });
  }

  /** Who and when a dashboard query covers. */
  record Window(List<String> creators, String platform, Instant from, Instant to) {}
}
