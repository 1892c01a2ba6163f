package io.aegntic.studio.jobs.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.aegntic.studio.events.EventType;
import io.aegntic.studio.events.Platform;
import io.aegntic.studio.events.StudioEvent;
import io.aegntic.studio.jobs.analytics.Contribution.Kind;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class ToContributionsTest {
  private final TestEvents events = new TestEvents("contrib-creator", Platform.YOUTUBE);

  private static KeyedOneInputStreamOperatorTestHarness<String, StudioEvent, Contribution> harness()
      throws Exception {
    return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
        new ToContributions(), EventKeys::of, Types.STRING);
  }

  private static void send(
      KeyedOneInputStreamOperatorTestHarness<String, StudioEvent, Contribution> h,
      StudioEvent... in)
      throws Exception {
    for (StudioEvent e : in) {
      h.processElement(e, e.occurredAt().toEpochMilli());
    }
  }

  @Test
  void snapshotsBecomeDeltasIgnoringStaleOnesAndTreatingBigDropsAsResets() throws Exception {
    try (var h = harness()) {
      send(
          h,
          events.snapshot("v1", 10, 1000L, 50L), // baseline: the job never saw v1 published
          events.snapshot("v1", 70, 1300L, 48L), // +300 views, 2 unlikes
          events.snapshot("v1", 40, 1100L, 49L), // older than the last one used: ignored
          events.snapshot("v1", 130, 200L, 49L)); // views reset to 200; likes +1

      List<Contribution> out = h.extractOutputValues();
      assertThat(out)
          .extracting(Contribution::kind, Contribution::amount, Contribution::timestamp)
          .containsExactly(
              tuple(Kind.VIEWS, 300.0, TestEvents.at(70)),
              tuple(Kind.LIKES, -2.0, TestEvents.at(70)),
              tuple(Kind.VIEWS, 200.0, TestEvents.at(130)),
              tuple(Kind.LIKES, 1.0, TestEvents.at(130)));
      assertThat(h.numEventTimeTimers()).isZero();
      assertThat(h.numProcessingTimeTimers()).isZero();
    }
  }

  @Test
  void resetsToZeroLateAndRepeatedPollsAndBrokenReadingsNeverGiveANegativeDelta() throws Exception {
    try (var h = harness()) {
      send(
          h,
          events.snapshot("v3", 10, 1L, 1L), // baseline
          events.snapshot("v3", 20, 0L, 0L), // both counters reset to zero: no delta, not -1
          events.snapshot("v3", 15, 1L, 1L), // taken before the reset, arriving after it: ignored
          events.snapshot("v3", 20, 0L, 0L), // the same poll again (another event id): ignored
          events.snapshot("v3", 30, 4L, 3L), // counting again after the reset: +4, +3
          events.snapshot("v3", 40, -5L, 3L), // a broken reading: nothing, and not kept
          events.snapshot("v3", 50, 6L, 1L)); // +2 views over the last good reading; 3 -> 1 reset

      assertThat(h.extractOutputValues())
          .extracting(Contribution::kind, Contribution::amount, Contribution::timestamp)
          .containsExactly(
              tuple(Kind.VIEWS, 4.0, TestEvents.at(30)),
              tuple(Kind.LIKES, 3.0, TestEvents.at(30)),
              tuple(Kind.VIEWS, 2.0, TestEvents.at(50)),
              tuple(Kind.LIKES, 1.0, TestEvents.at(50)));
    }
  }

  @Test
  void aPostSeenGoingLiveCountsItsFirstSnapshotFromZeroWithDecay() throws Exception {
    try (var h = harness()) {
      send(h, events.published("v2", 0, "#Launch"), events.snapshot("v2", 60, 90L, 7L));

      assertThat(h.extractOutputValues())
          .extracting(Contribution::kind, Contribution::amount, Contribution::label)
          .containsExactly(
              tuple(Kind.HASHTAG, 1.0, "launch"),
              tuple(Kind.VIEWS, 90.0, null),
              tuple(Kind.LIKES, 7.0, null));
      double decay = h.extractOutputValues().get(1).decay();
      assertThat(decay).isLessThan(1.0).isGreaterThan(0.99);
    }
  }

  @Test
  void followerSnapshotsGiveTheLevelAndTheChange() throws Exception {
    try (var h = harness()) {
      send(h, events.followers(0, 100), events.followers(30, 120), events.followers(20, 90));

      assertThat(h.extractOutputValues())
          .extracting(Contribution::kind, Contribution::amount)
          .containsExactly(
              tuple(Kind.FOLLOWERS_LEVEL, 100.0),
              tuple(Kind.FOLLOWERS_LEVEL, 120.0),
              tuple(Kind.FOLLOWERS_CHANGE, 20.0));
    }
  }

  @Test
  void subscriptionsGiveNewChurnedAndTheMrrAfterEachChange() throws Exception {
    TestEvents stripe = new TestEvents("contrib-creator", Platform.STRIPE);
    try (var h = harness()) {
      send(
          h,
          stripe.subscription(EventType.SUBSCRIPTION_CREATED, "s1", "active", 900, 0),
          stripe.subscription(EventType.SUBSCRIPTION_CREATED, "s2", "active", 500, 1),
          stripe.subscription(EventType.SUBSCRIPTION_UPDATED, "s1", "active", 1200, 2),
          stripe.subscription(EventType.SUBSCRIPTION_UPDATED, "s1", "active", 100, 1.5),
          stripe.subscription(EventType.SUBSCRIPTION_DELETED, "s2", "canceled", 500, 3));

      assertThat(h.extractOutputValues())
          .extracting(Contribution::kind, Contribution::amount)
          .containsExactly(
              tuple(Kind.NEW_SUBSCRIPTIONS, 1.0),
              tuple(Kind.MRR_LEVEL, 900.0),
              tuple(Kind.NEW_SUBSCRIPTIONS, 1.0),
              tuple(Kind.MRR_LEVEL, 1400.0),
              tuple(Kind.MRR_LEVEL, 1700.0),
              tuple(Kind.CHURNED_SUBSCRIPTIONS, 1.0),
              tuple(Kind.MRR_LEVEL, 1200.0));
      assertThat(h.extractOutputValues()).allMatch(c -> "EUR".equals(c.label()));
    }
  }
}
