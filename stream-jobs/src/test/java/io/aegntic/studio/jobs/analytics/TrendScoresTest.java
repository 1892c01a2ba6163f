package io.aegntic.studio.jobs.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.aegntic.studio.events.MetricUpdate;
import io.aegntic.studio.events.MetricUpdate.Emission;
import io.aegntic.studio.events.MetricUpdate.Family;
import io.aegntic.studio.events.MetricUpdate.Scope;
import io.aegntic.studio.events.Platform;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link TrendScores} under its operator: a burst is flagged in its own minute, and trackers held
 * as objects between checkpoints are written into the snapshot, so a restored job scores on exactly
 * as one that never stopped.
 */
class TrendScoresTest {
  private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

  @Test
  void aBurstRaisesTheTrendingFlagInTheMinuteItStarts() throws Exception {
    try (var h = harness()) {
      h.open();
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

  /** maxLive 1: the second series' tracker is written through at once, the first one held. */
  @ParameterizedTest
  @ValueSource(ints = {TrendScores.MAX_LIVE, 1})
  void trackersHeldBetweenCheckpointsAreInTheSnapshotAndRestoreToTheSameScores(int maxLive)
      throws Exception {
    List<MetricUpdate> uninterrupted;
    try (var h = harness(maxLive)) {
      h.open();
      for (int minute = 0; minute < 40; minute++) {
        h.processElement(engagement(minute, minute == 33 ? 150 : 4 + minute % 3), 0);
        h.processElement(engagement("post-2", minute, 1 + minute % 2), 0);
      }
      uninterrupted = h.extractOutputValues();
    }
    OperatorSubtaskState snapshot;
    List<MetricUpdate> resumed = new ArrayList<>();
    try (var h = harness(maxLive)) {
      h.open();
      for (int minute = 0; minute < 25; minute++) {
        h.processElement(engagement(minute, minute == 33 ? 150 : 4 + minute % 3), 0);
        h.processElement(engagement("post-2", minute, 1 + minute % 2), 0);
      }
      snapshot = h.snapshot(1, 1);
      assertThat(h.numKeyedStateEntries()).isEqualTo(4); // tracker and last window, two series
      resumed.addAll(h.extractOutputValues());
    }
    try (var h = harness(maxLive)) {
      h.initializeState(snapshot);
      h.open();
      for (int minute = 25; minute < 40; minute++) {
        h.processElement(engagement(minute, minute == 33 ? 150 : 4 + minute % 3), 0);
        h.processElement(engagement("post-2", minute, 1 + minute % 2), 0);
      }
      resumed.addAll(h.extractOutputValues());
    }
    assertThat(resumed).hasSize(80);
    assertThat(resumed.get(66).value("trending")).isEqualTo(1.0); // the burst, after the restore
    for (int i = 0; i < uninterrupted.size(); i++) {
      assertThat(resumed.get(i).values())
          .as("update %d", i)
          .isEqualTo(uninterrupted.get(i).values());
    }
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, MetricUpdate, MetricUpdate>
      harness() throws Exception {
    return harness(TrendScores.MAX_LIVE);
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, MetricUpdate, MetricUpdate> harness(
      int maxLive) throws Exception {
    return new KeyedOneInputStreamOperatorTestHarness<>(
        new TrendScoresOperator(new TrendScores(Duration.ofMinutes(1), maxLive)),
        TrendScores::key,
        Types.STRING);
  }

  private static MetricUpdate engagement(int minute, double engagements) {
    return engagement("post-1", minute, engagements);
  }

  private static MetricUpdate engagement(String content, int minute, double engagements) {
    return new MetricUpdate(
        "trend-creator",
        Family.ENGAGEMENT,
        Scope.CONTENT,
        content,
        Platform.X,
        T0.plusSeconds(minute * 60L),
        T0.plusSeconds(minute * 60L + 60),
        Emission.FINAL,
        Map.of("engagements", engagements),
        Map.of(),
        T0);
  }
}
