package io.aegntic.studio.serving.analytics;

import io.aegntic.studio.serving.auth.Tenancy;
import io.aegntic.studio.serving.config.ApiException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code /api/analytics}: the dashboard summary, one metric's series, and the same series as CSV.
 * Parameters are validated by {@link MetricQuery}; a bad one is a 400 naming the reason.
 */
@RestController
@RequestMapping("/api/analytics")
class AnalyticsController {
  private final Tenancy tenancy;
  private final InfluxReader influx;
  private final DashboardService dashboard;
  private final Clock clock;

  AnalyticsController(
      Tenancy tenancy, InfluxReader influx, DashboardService dashboard, Clock clock) {
    this.tenancy = tenancy;
    this.influx = influx;
    this.dashboard = dashboard;
    this.clock = clock;
  }

  @GetMapping("/dashboard")
  Mono<AnalyticsApi.Dashboard> dashboard(
      @AuthenticationPrincipal Jwt jwt,
      @RequestParam(defaultValue = "24h") String period,
      @RequestParam(required = false) String platform) {
    return tenancy.creators(jwt).flatMap(cs -> dashboard.build(cs, period, platform));
  }

  @GetMapping("/metrics")
  Mono<AnalyticsApi.SeriesResponse> metrics(
      @AuthenticationPrincipal Jwt jwt, @ModelAttribute SeriesParams params) {
    return series(jwt, parse(params), params.step());
  }

  @GetMapping("/export")
  Mono<ResponseEntity<String>> export(
      @AuthenticationPrincipal Jwt jwt,
      @RequestParam(defaultValue = "csv") String format,
      @ModelAttribute SeriesParams params) {
    if (!"csv".equals(format)) {
      throw ApiException.badRequest("bad_format", "format must be csv");
    }
    return series(jwt, parse(params), params.step())
        .map(
            response ->
                ResponseEntity.ok()
                    .contentType(
                        new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + response.metric() + ".csv\"")
                    .body(csv(response)));
  }

  /** The query parameters /metrics and /export share; each is validated by {@link MetricQuery}. */
  record SeriesParams(
      String metric,
      String scope,
      String subject,
      String content,
      String hashtag,
      String platform,
      String creator,
      String from,
      String to,
      String step) {}

  private MetricQuery parse(SeriesParams p) {
    String[] target = MetricQuery.scoped(p.scope(), p.subject(), p.content(), p.hashtag());
    return MetricQuery.parse(
        p.metric(),
        target[0],
        target[1],
        p.platform(),
        p.creator(),
        p.from(),
        p.to(),
        p.step(),
        clock.instant());
  }

  private Mono<AnalyticsApi.SeriesResponse> series(Jwt jwt, MetricQuery query, String step) {
    Mono<List<String>> creators =
        query.creator() == null
            ? tenancy.creators(jwt)
            : tenancy.resolve(jwt, query.creator()).map(List::of);
    return creators
        .flatMap(
            cs ->
                cs.isEmpty()
                    ? Mono.just(List.<InfluxReader.Row>of())
                    : influx.query(InfluxQl.series(query, cs)))
        .map(rows -> toSeries(rows, query.metric().field()))
        .map(
            list ->
                new AnalyticsApi.SeriesResponse(
                    query.metric().id(),
                    query.step() == null ? "none" : query.metric().aggregate(),
                    query.scope(),
                    query.subject(),
                    query.from(),
                    query.to(),
                    step,
                    list));
  }

  /** Groups rows into one series per (creator, platform), each sorted by time. */
  static List<AnalyticsApi.Series> toSeries(List<InfluxReader.Row> rows, String field) {
    Map<List<String>, List<AnalyticsApi.Point>> grouped = new LinkedHashMap<>();
    for (InfluxReader.Row row : rows) {
      Double v = row.values().get(field);
      if (v != null) {
        List<String> key =
            List.of(
                row.tags().getOrDefault("creator", ""), row.tags().getOrDefault("platform", ""));
        grouped
            .computeIfAbsent(key, k -> new ArrayList<>())
            .add(new AnalyticsApi.Point(row.time(), v));
      }
    }
    List<AnalyticsApi.Series> out = new ArrayList<>();
    grouped.forEach(
        (key, points) -> {
          points.sort(Comparator.comparing(AnalyticsApi.Point::time));
          out.add(new AnalyticsApi.Series(key.get(0), key.get(1), points));
        });
    out.sort(
        Comparator.comparing(AnalyticsApi.Series::creatorId)
            .thenComparing(AnalyticsApi.Series::platform));
    return out;
  }

  /** {@code creator,platform,time,value}, one line per point, in the JSON response's order. */
  static String csv(AnalyticsApi.SeriesResponse response) {
    StringBuilder out = new StringBuilder("creator,platform,time,value\n");
    for (AnalyticsApi.Series s : response.series()) {
      for (AnalyticsApi.Point p : s.points()) {
        out.append(s.creatorId())
            .append(',')
            .append(s.platform())
            .append(',')
            .append(p.time())
            .append(',')
            .append(number(p.value()))
            .append('\n');
      }
    }
    return out.toString();
  }

  static String number(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return "";
    }
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
