package io.aegntic.studio.serving.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InfluxQlTest {
  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

  @Test
  void userValuesAreBoundNeverSpliced() {
    MetricQuery q =
        MetricQuery.parse(
            "engagement.likes",
            "post-1",
            null,
            "youtube",
            null,
            "2026-06-01T11:00:00Z",
            null,
            "5m",
            NOW);
    InfluxQl.Statement s = InfluxQl.series(q, List.of("creator-a", "creator-b"));
    assertThat(s.text())
        .isEqualTo(
            "SELECT sum(\"likes\") AS \"likes\" FROM \"engagement\" WHERE (\"creator\" = $c0 OR"
                + " \"creator\" = $c1) AND \"scope\" = $scope AND \"subject\" = $subject AND \"platform\" ="
                + " $platform AND time >= 1780311600000000000 AND time < 1780315200000000000 GROUP BY"
                + " time(300s), \"creator\", \"platform\" fill(none)");
    assertThat(s.params())
        .containsEntry("c0", "creator-a")
        .containsEntry("c1", "creator-b")
        .containsEntry("scope", "content")
        .containsEntry("subject", "post-1")
        .containsEntry("platform", "youtube");
    assertThat(s.text()).doesNotContain("post-1", "creator-a", "youtube");
  }

  @Test
  void rawSeriesAreLimited() {
    MetricQuery q =
        MetricQuery.parse("audience.followers", null, null, null, null, null, null, null, NOW);
    assertThat(InfluxQl.series(q, List.of("c")).text())
        .startsWith("SELECT \"followers\" FROM \"audience\"")
        .endsWith("GROUP BY \"creator\", \"platform\" LIMIT 10000");
  }
}
