package io.aegntic.studio.serving.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.aegntic.studio.infra.StackEndpoints;
import io.aegntic.studio.infra.test.StudioStackExtension;
import io.aegntic.studio.serving.ServingItSupport;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.BatchPoints;
import org.influxdb.dto.Point;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;

/** Points written in the analytics job's shape come back exactly through the REST API. */
class AnalyticsIT extends ServingItSupport {
  private static InfluxDB influx;
  private static String database;

  @BeforeAll
  static void connect() {
    StackEndpoints stack = StudioStackExtension.endpoints();
    influx = InfluxDBFactory.connect(stack.influxUrl());
    database = stack.influxDatabase();
  }

  @AfterAll
  static void close() {
    influx.close();
  }

  private static Point point(
      String measurement,
      String creator,
      String scope,
      String subject,
      Instant time,
      Map<String, Object> fields) {
    return Point.measurement(measurement)
        .tag("creator", creator)
        .tag("platform", "all")
        .tag("scope", scope)
        .tag("subject", subject)
        .time(time.toEpochMilli(), TimeUnit.MILLISECONDS)
        .fields(fields)
        .build();
  }

  private static void write(Point... points) {
    influx.write(BatchPoints.database(database).points(points).build());
  }

  private String uri(String path, Map<String, String> params) {
    UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
    params.forEach(b::queryParam);
    return b.encode().build().toUriString();
  }

  @Test
  @SuppressWarnings("unchecked")
  void seriesAndCsvReturnExactlyThePointsWritten() {
    Map<String, Object> alice = register();
    Map<String, Object> bob = register();
    String a = creatorOf(alice);
    Instant base = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(30, ChronoUnit.MINUTES);
    write(
        point(
            "engagement",
            a,
            "creator",
            a,
            base,
            Map.of("engagement_rate", 4.25, "engagements", 17.0)),
        point(
            "engagement",
            a,
            "creator",
            a,
            base.plusSeconds(60),
            Map.of("engagement_rate", 5.5, "engagements", 22.0)),
        point(
            "engagement",
            a,
            "creator",
            a,
            base.plusSeconds(180),
            Map.of("engagement_rate", 0.125, "engagements", 1.0)),
        point(
            "engagement",
            creatorOf(bob),
            "creator",
            creatorOf(bob),
            base,
            Map.of("engagement_rate", 99.0)));
    Map<String, String> params =
        Map.of(
            "metric", "engagement.engagement_rate",
            "from", base.minusSeconds(600).toString(),
            "to", base.plusSeconds(600).toString());

    for (String step : new String[] {null, "1m"}) {
      Map<String, String> q = new java.util.HashMap<>(params);
      if (step != null) q.put("step", step);
      Map<String, Object> body =
          client
              .get()
              .uri(uri("/api/analytics/metrics", q))
              .header("Authorization", "Bearer " + accessToken(alice))
              .exchange()
              .expectStatus()
              .isOk()
              .expectBody(Map.class)
              .returnResult()
              .getResponseBody();
      List<Map<String, Object>> series = (List<Map<String, Object>>) body.get("series");
      assertThat(series).hasSize(1);
      assertThat(series.get(0)).containsEntry("creatorId", a).containsEntry("platform", "all");
      List<Map<String, Object>> points = (List<Map<String, Object>>) series.get(0).get("points");
      assertThat(points)
          .extracting(p -> Instant.parse((String) p.get("time")))
          .containsExactly(base, base.plusSeconds(60), base.plusSeconds(180));
      assertThat(points)
          .extracting(p -> ((Number) p.get("value")).doubleValue())
          .containsExactly(4.25, 5.5, 0.125);
    }

    String csv =
        client
            .get()
            .uri(uri("/api/analytics/export", params))
            .header("Authorization", "Bearer " + accessToken(alice))
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentTypeCompatibleWith("text/csv")
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(csv)
        .isEqualTo(
            "creator,platform,time,value\n"
                + a
                + ",all,"
                + base
                + ",4.25\n"
                + a
                + ",all,"
                + base.plusSeconds(60)
                + ",5.5\n"
                + a
                + ",all,"
                + base.plusSeconds(180)
                + ",0.125\n");

    // Bob sees none of it, and cannot ask for Alice's creator by name.
    client
        .get()
        .uri(uri("/api/analytics/metrics", params))
        .header("Authorization", "Bearer " + accessToken(bob))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.series[0].points[0].value")
        .isEqualTo(99.0);
    Map<String, String> asAlice = new java.util.HashMap<>(params);
    asAlice.put("creator", a);
    client
        .get()
        .uri(uri("/api/analytics/metrics", asAlice))
        .header("Authorization", "Bearer " + accessToken(bob))
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  @Test
  void injectionAttemptsAndAbsurdRangesGet400WithAReason() {
    String token = accessToken(register());
    String now = Instant.now().toString();
    List<Map<String, String>> bad =
        List.of(
            Map.of("metric", "engagement.likes\" ; DROP DATABASE studio"),
            Map.of("metric", "engagement.likes FROM /.*/ --"),
            Map.of("metric", "secrets.password"),
            Map.of("metric", "engagement.likes", "content", "x' OR 1=1 --"),
            Map.of("metric", "engagement.likes", "scope", "users"),
            Map.of("metric", "engagement.likes", "content", "a\" OR \"creator\" =~ /.*/"),
            Map.of("metric", "engagement.likes", "hashtag", "tag\"; DROP"),
            Map.of("metric", "engagement.likes", "creator", "c' OR ''='"),
            Map.of("metric", "engagement.likes", "platform", "x' OR 'a'='a"),
            Map.of("metric", "engagement.likes", "step", "1m) ; DROP DATABASE studio --"),
            Map.of("metric", "engagement.likes", "step", "1s"),
            Map.of("metric", "engagement.likes", "from", "yesterday"),
            Map.of("metric", "engagement.likes", "from", "1900-01-01T00:00:00Z", "to", now),
            Map.of("metric", "engagement.likes", "from", "2020-01-01T00:00:00Z", "to", now),
            Map.of("metric", "engagement.likes", "from", now, "to", "2019-01-01T00:00:00Z"),
            Map.of("metric", "engagement.likes", "to", "9999-01-01T00:00:00Z"),
            Map.of(
                "metric",
                "engagement.likes",
                "from",
                "2026-01-01T00:00:00Z",
                "to",
                "2026-03-01T00:00:00Z",
                "step",
                "10s"));
    for (Map<String, String> params : bad) {
      client
          .get()
          .uri(uri("/api/analytics/metrics", params))
          .header("Authorization", "Bearer " + token)
          .exchange()
          .expectStatus()
          .isBadRequest()
          .expectBody()
          .jsonPath("$.error")
          .value(e -> assertThat((String) e).startsWith("bad_"))
          .jsonPath("$.reason")
          .isNotEmpty();
    }
    client
        .get()
        .uri(uri("/api/analytics/export", Map.of("metric", "engagement.likes", "format", "xml")))
        .header("Authorization", "Bearer " + token)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.error")
        .isEqualTo("bad_format");
    client
        .get()
        .uri("/api/analytics/dashboard?period=forever")
        .header("Authorization", "Bearer " + token)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.error")
        .isEqualTo("bad_period");
  }

  @Test
  void dashboardComparesWithThePreviousPeriod() {
    Map<String, Object> alice = register();
    String a = creatorOf(alice);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    write(
        point(
            "audience",
            a,
            "creator",
            a,
            now.minus(30, ChronoUnit.HOURS),
            Map.of("followers", 1000.0)),
        point(
            "audience",
            a,
            "creator",
            a,
            now.minus(10, ChronoUnit.MINUTES),
            Map.of("followers", 1200.0)),
        point(
            "engagement",
            a,
            "creator",
            a,
            now.minus(26, ChronoUnit.HOURS),
            Map.of("engagements", 20.0, "reach", 1000.0)),
        point(
            "engagement",
            a,
            "creator",
            a,
            now.minus(20, ChronoUnit.MINUTES),
            Map.of("engagements", 50.0, "reach", 1000.0)),
        point("revenue", a, "creator", a, now.minus(5, ChronoUnit.MINUTES), Map.of("mrr", 4900.0)),
        point(
            "engagement",
            a,
            "content",
            "post-9",
            now.minus(15, ChronoUnit.MINUTES),
            Map.of("engagements", 40.0, "engagement_rate", 8.0)),
        point(
            "trend",
            a,
            "hashtag",
            "launch",
            now.minus(15, ChronoUnit.MINUTES),
            Map.of(
                "value",
                12.0,
                "forecast",
                15.0,
                "velocity",
                3.0,
                "anomaly_score",
                4.2,
                "trending",
                1.0)));
    client
        .get()
        .uri("/api/analytics/dashboard?period=24h")
        .header("Authorization", "Bearer " + accessToken(alice))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.followers.current")
        .isEqualTo(1200.0)
        .jsonPath("$.followers.previous")
        .isEqualTo(1000.0)
        .jsonPath("$.followers.change")
        .isEqualTo(200.0)
        .jsonPath("$.followers.changePct")
        .isEqualTo(20.0)
        .jsonPath("$.engagementRate.current")
        .isEqualTo(5.0)
        .jsonPath("$.engagementRate.previous")
        .isEqualTo(2.0)
        .jsonPath("$.mrr.current")
        .isEqualTo(4900.0)
        .jsonPath("$.automationHealth.enabledRules")
        .isEqualTo(0)
        .jsonPath("$.topPosts[0].contentId")
        .isEqualTo("post-9")
        .jsonPath("$.topPosts[0].engagements")
        .isEqualTo(40.0)
        .jsonPath("$.trends[0].subject")
        .isEqualTo("launch")
        .jsonPath("$.trends[0].trending")
        .isEqualTo(true);
    client
        .get()
        .uri(
            uri(
                "/api/analytics/metrics",
                Map.of("metric", "trend.velocity", "scope", "hashtag", "subject", "launch")))
        .header("Authorization", "Bearer " + accessToken(alice))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.scope")
        .isEqualTo("hashtag")
        .jsonPath("$.series[0].points[0].value")
        .isEqualTo(3.0);
  }
}
