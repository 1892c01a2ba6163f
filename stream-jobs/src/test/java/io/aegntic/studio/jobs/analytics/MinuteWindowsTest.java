package io.aegntic.studio.jobs.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.aegntic.studio.events.MetricUpdate;
import io.aegntic.studio.events.MetricUpdate.Emission;
import io.aegntic.studio.events.MetricUpdate.Family;
import io.aegntic.studio.events.MetricUpdate.Scope;
import io.aegntic.studio.events.Platform;
import io.aegntic.studio.jobs.analytics.Contribution.Kind;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class MinuteWindowsTest {
  private static final String CREATOR = "window-creator";

  private static KeyedOneInputStreamOperatorTestHarness<String, Contribution, MetricUpdate>
      harness() throws Exception {
    var h =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new MinuteWindows(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofSeconds(1)),
            Contribution::key,
            Types.STRING);
    h.setProcessingTime(0);
    return h;
  }

  private static Contribution c(String content, double seconds, Kind kind, long n) {
    return Contribution.of(CREATOR, Platform.TIKTOK, content, TestEvents.at(seconds), kind, n);
  }

  private static void send(
      KeyedOneInputStreamOperatorTestHarness<String, Contribution, MetricUpdate> h,
      Contribution... in)
      throws Exception {
    for (Contribution x : in) {
      h.processElement(x, x.timestamp());
    }
  }

  private static List<MetricUpdate> taken(
      KeyedOneInputStreamOperatorTestHarness<String, Contribution, MetricUpdate> h) {
    List<MetricUpdate> out = List.copyOf(h.extractOutputValues());
    h.getOutput().clear();
    return out;
  }

  @Test
  void emitsEarlyWhileOpenThenFinalAtTheWatermark() throws Exception {
    try (var h = harness()) {
      send(h, c("p1", 5, Kind.LIKES, 2));
      List<MetricUpdate> first = taken(h); // a live window's first change goes out at once
      assertThat(first).extracting(MetricUpdate::emission).containsOnly(Emission.EARLY);
      assertThat(only(first, Scope.CONTENT).value("likes")).isEqualTo(2);
      assertThat(only(first, Scope.CREATOR).value("likes")).isEqualTo(2);

      send(h, c("p1", 6, Kind.VIEWS, 40), c("p1", 7, Kind.COMMENTS, 1));
      assertThat(taken(h)).isEmpty(); // within earlyEvery of that emission: wait for the tick

      h.setProcessingTime(1000); // the early tick
      List<MetricUpdate> early = taken(h);
      assertThat(early).extracting(MetricUpdate::emission).containsOnly(Emission.EARLY);
      assertThat(early)
          .extracting(MetricUpdate::scope)
          .containsExactlyInAnyOrder(Scope.CONTENT, Scope.CREATOR);
      MetricUpdate content = only(early, Scope.CONTENT);
      assertThat(content.subject()).isEqualTo("p1");
      assertThat(content.value("likes")).isEqualTo(2);
      assertThat(content.value("engagements")).isEqualTo(3);
      assertThat(content.value("reach")).isEqualTo(40);
      assertThat(content.value("engagement_rate")).isEqualTo(7.5);
      assertThat(content.value("engagement_score")).isBetween(0.0, 100.0);

      h.setProcessingTime(2000); // nothing changed: no new early emission
      assertThat(taken(h)).isEmpty();

      send(h, c("p1", 30, Kind.LIKES, 1)); // a second after the last emission: out at once
      assertThat(taken(h)).extracting(MetricUpdate::emission).containsOnly(Emission.EARLY);
      h.processWatermark(TestEvents.at(60) - 1);
      List<MetricUpdate> fin = taken(h);
      assertThat(fin).extracting(MetricUpdate::emission).containsOnly(Emission.FINAL);
      assertThat(only(fin, Scope.CREATOR).value("likes")).isEqualTo(3);
      assertThat(only(fin, Scope.CREATOR).windowEnd().toEpochMilli()).isEqualTo(TestEvents.at(60));

      h.setProcessingTime(3000); // the tick registered by the last like finds the window final
      assertThat(taken(h)).isEmpty();
    }
  }

  @Test
  void windowsOfAReplayEmitEarlyOnlyOnTicksAtMostOncePerSecond() throws Exception {
    try (var h = harness()) {
      long replayedAt = TestEvents.at(3600); // the wall clock is an hour past these windows
      h.setProcessingTime(replayedAt);
      send(h, c("p4", 5, Kind.LIKES, 1));
      assertThat(taken(h)).isEmpty(); // no leading edge for a window nobody watches live

      h.setProcessingTime(replayedAt + 1000);
      assertThat(taken(h)).extracting(MetricUpdate::emission).containsOnly(Emission.EARLY);
      send(h, c("p4", 6, Kind.LIKES, 1));
      h.setProcessingTime(replayedAt + 1500);
      assertThat(taken(h)).isEmpty();
      h.setProcessingTime(replayedAt + 2000);
      List<MetricUpdate> again = taken(h);
      assertThat(only(again, Scope.CONTENT).value("likes")).isEqualTo(2);
    }
  }

  @Test
  void aLateEventWithinLatenessEmitsACorrectionAndLaterOnesGoToTheSideOutput() throws Exception {
    try (var h = harness()) {
      send(h, c("p2", 10, Kind.SHARES, 1));
      assertThat(taken(h)).extracting(MetricUpdate::emission).containsOnly(Emission.EARLY);
      h.processWatermark(TestEvents.at(100));
      assertThat(taken(h)).extracting(MetricUpdate::emission).containsOnly(Emission.FINAL);

      send(h, c("p2", 20, Kind.SHARES, 2)); // 80 s late, lateness is 2 min
      List<MetricUpdate> corrected = taken(h);
      assertThat(corrected).extracting(MetricUpdate::emission).containsOnly(Emission.CORRECTION);
      assertThat(only(corrected, Scope.CONTENT).value("shares")).isEqualTo(3);

      h.processWatermark(TestEvents.at(60 + 120)); // window end + lateness: state is dropped
      assertThat(h.numKeyedStateEntries()).isZero();
      assertThat(h.numEventTimeTimers()).isZero();

      send(h, c("p2", 30, Kind.SHARES, 5)); // beyond the allowed lateness
      assertThat(taken(h)).isEmpty();
      assertThat(h.getSideOutput(MinuteWindows.TOO_LATE))
          .extracting(StreamRecord::getValue)
          .extracting(Contribution::amount)
          .containsExactly(5.0);
      h.setProcessingTime(10_000);
      assertThat(h.numProcessingTimeTimers()).isZero();
      assertThat(h.numKeyedStateEntries()).isZero();
    }
  }

  @Test
  void audienceRevenueAndHashtagsHaveTheirOwnSeries() throws Exception {
    try (var h = harness()) {
      send(
          h,
          c(null, 1, Kind.FOLLOWERS_LEVEL, 100),
          c(null, 50, Kind.FOLLOWERS_LEVEL, 104),
          c(null, 20, Kind.FOLLOWERS_CHANGE, 4),
          c(null, 30, Kind.HASHTAG, 1).withLabel("launch"),
          c(null, 31, Kind.HASHTAG, 1).withLabel("launch"),
          c(null, 40, Kind.REVENUE, 1500).withLabel("EUR"),
          c(null, 41, Kind.MRR_LEVEL, 900).withLabel("EUR"),
          c("p3", 42, Kind.LIKES, 2));
      taken(h); // the EARLY values of the first contributions
      h.processWatermark(TestEvents.at(60));
      List<MetricUpdate> fin = taken(h);

      MetricUpdate audience = family(fin, Family.AUDIENCE);
      assertThat(audience.value("followers")).isEqualTo(104);
      assertThat(audience.value("followers_change")).isEqualTo(4);
      MetricUpdate revenue = family(fin, Family.REVENUE);
      assertThat(revenue.value("revenue")).isEqualTo(1500);
      assertThat(revenue.value("mrr")).isEqualTo(900);
      assertThat(revenue.labels()).containsEntry("currency", "EUR");
      MetricUpdate tag = only(fin, Scope.HASHTAG);
      assertThat(tag.subject()).isEqualTo("launch");
      assertThat(tag.value("mentions")).isEqualTo(2);
      MetricUpdate likes = only(fin, Scope.CONTENT);
      assertThat(likes.value("reach")).isEqualTo(104); // no views: followers are the reach
      assertThat(likes.platform()).isEqualTo(Platform.TIKTOK);
      assertThat(likes.creatorId()).isEqualTo(CREATOR);
    }
  }

  private static MetricUpdate only(List<MetricUpdate> updates, Scope scope) {
    return updates.stream()
        .filter(u -> u.scope() == scope)
        .reduce(
            (a, b) -> {
              throw new AssertionError("more than one " + scope + " update: " + updates);
            })
        .orElseThrow();
  }

  private static MetricUpdate family(List<MetricUpdate> updates, Family family) {
    return updates.stream().filter(u -> u.family() == family).findFirst().orElseThrow();
  }
}
