package io.aegntic.studio.serving.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DashboardQueriesTest {
  private static InfluxReader.Row row(String creator, String platform, double followers) {
    return new InfluxReader.Row(
        Map.of("creator", creator, "platform", platform),
        Instant.EPOCH,
        Map.of("followers", followers));
  }

  @Test
  void theCrossPlatformRowWinsOtherwisePlatformsAddUp() {
    List<InfluxReader.Row> rows =
        List.of(
            row("a", "x", 10),
            row("a", "youtube", 20),
            row("a", "all", 30),
            row("b", "x", 1),
            row("b", "tiktok", 2));
    assertThat(DashboardQueries.sumOverCreators(rows, "followers")).isEqualTo(33.0);
    assertThat(DashboardQueries.sumOverCreators(List.of(), "followers")).isNull();
  }

  @Test
  void kpiChangeAndPercentage() {
    AnalyticsApi.Kpi kpi = AnalyticsApi.Kpi.of(1200.0, 1000.0);
    assertThat(kpi.change()).isEqualTo(200.0);
    assertThat(kpi.changePct()).isEqualTo(20.0);
    assertThat(AnalyticsApi.Kpi.of(5.0, null).change()).isNull();
    assertThat(AnalyticsApi.Kpi.of(5.0, 0.0).changePct()).isNull();
  }
}
