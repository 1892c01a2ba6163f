package io.aegntic.studio.jobs.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.aegntic.studio.events.MetricUpdate;
import io.aegntic.studio.events.MetricUpdate.Emission;
import io.aegntic.studio.events.MetricUpdate.Family;
import io.aegntic.studio.events.MetricUpdate.Scope;
import io.aegntic.studio.events.Platform;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class TrendScoresTest {
  private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

  @Test
  void aBurstRaisesTheTrendingFlagInTheMinuteItStarts() throws Exception {
    try (var h =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new TrendScores(Duration.ofMinutes(1)), TrendScores::key, Types.STRING)) {
      for (int minute = 0; minute < 30; minute++) {
        h.processElement(engagement(minute, 4 + minute % 3), 0);
      }
      h.processElement(engagement(30, 120), 0); // the burst

      List<MetricUpdate> out = h.extractOutputValues();
      assertThat(out).hasSize(31).allMatch(u -> u.family() == Family.TREND);
      assertThat(out.subList(10, 30)).allMatch(u -> u.value("trending") == 0.0);
      MetricUpdate burst = out.get(30);
      assertThat(burst.windowEnd()).isEqualTo(T0.plusSeconds(31 * 60));
      assertThat(burst.value("trending")).isEqualTo(1.0);
      assertThat(burst.value("anomaly_score")).isBetween(0.0, 1.0);
      assertThat(burst.value("velocity")).isPositive();
      assertThat(burst.value("forecast_low")).isLessThanOrEqualTo(burst.value("forecast_high"));
    }
  }

  private static MetricUpdate engagement(int minute, double engagements) {
    return new MetricUpdate(
        "trend-creator",
        Family.ENGAGEMENT,
        Scope.CONTENT,
        "post-1",
        Platform.X,
        T0.plusSeconds(minute * 60L),
        T0.plusSeconds(minute * 60L + 60),
        Emission.FINAL,
        Map.of("engagements", engagements),
        Map.of(),
        T0);
  }
}
