package io.aegntic.studio.jobs.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.aegntic.studio.events.Platform;
import io.aegntic.studio.events.StudioEvent;
import io.aegntic.studio.jobs.analytics.Contribution.Kind;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** An engagement both pushed and polled counts once (docs/metrics.md, "Pushed and polled"). */
class PushedAndPolledTest {
  private final TestEvents events = new TestEvents("reconcile-creator", Platform.X);

  private static KeyedOneInputStreamOperatorTestHarness<String, StudioEvent, Contribution> harness(
      OperatorSubtaskState restored) throws Exception {
    var h =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new ToContributions()), EventKeys::of, Types.STRING);
    if (restored != null) {
      h.initializeState(restored);
    }
    h.open();
    return h;
  }

  private static List<Contribution> send(
      KeyedOneInputStreamOperatorTestHarness<String, StudioEvent, Contribution> h,
      StudioEvent... in)
      throws Exception {
    for (StudioEvent e : in) {
      h.processElement(e, e.occurredAt().toEpochMilli());
    }
    return h.extractOutputValues();
  }

  @Test
  void pushedThenPolledCountsEachLikeAndCommentOnce() throws Exception {
    try (var h = harness(null)) {
      var out =
          send(
              h,
              events.published("p1", 0),
              events.like("p1", 10, 1),
              events.like("p1", 20, 2),
              events.comment("p1", 25),
              events.engagementSnapshot("p1", 30, 3, 2)); // 3 likes (all pushed), 2 comments

      assertThat(out)
          .extracting(Contribution::kind, Contribution::amount, Contribution::timestamp)
          .containsExactly(
              tuple(Kind.LIKES, 1.0, TestEvents.at(10)),
              tuple(Kind.LIKES, 2.0, TestEvents.at(20)),
              tuple(Kind.COMMENTS, 1.0, TestEvents.at(25)),
              tuple(Kind.COMMENTS, 1.0, TestEvents.at(30))); // the comment that was not pushed
    }
  }

  @Test
  void snapshotThenPushedThenSnapshotCountsOnlyTheUnpushedRest() throws Exception {
    try (var h = harness(null)) {
      var out =
          send(
              h,
              events.engagementSnapshot("p2", 0, 10, 4), // baseline
              events.like("p2", 10, 2),
              events.comment("p2", 15),
              events.engagementSnapshot("p2", 20, 13, 5)); // +3 likes (2 pushed), +1 comment

      assertThat(out)
          .extracting(Contribution::kind, Contribution::amount, Contribution::timestamp)
          .containsExactly(
              tuple(Kind.LIKES, 2.0, TestEvents.at(10)),
              tuple(Kind.COMMENTS, 1.0, TestEvents.at(15)),
              tuple(Kind.LIKES, 1.0, TestEvents.at(20)));
    }
  }

  @Test
  void aLikeAfterTheSnapshotButProcessedBeforeIsAbsorbedThenReAddedAcrossARestore()
      throws Exception {
    OperatorSubtaskState checkpoint;
    try (var h = harness(null)) {
      var out =
          send(
              h,
              events.engagementSnapshot("p3", 0, 10, 0), // baseline
              events.like("p3", 40, 1)); // pushed at once
      assertThat(out).extracting(Contribution::amount).containsExactly(1.0);
      checkpoint = h.snapshot(1L, 1L);
    }
    try (var h = harness(checkpoint)) {
      var out =
          send(
              h,
              events.engagementSnapshot("p3", 30, 12, 0), // +2 observed before the like at 40
              events.engagementSnapshot("p3", 90, 13, 0)); // now with the like at 40: +1
      // The like at 40 absorbed one of the two at 30, and the snapshot at 90 adds it back:
      // 1 + 1 + 1 = 13 - 10.
      assertThat(out)
          .extracting(Contribution::kind, Contribution::amount, Contribution::timestamp)
          .containsExactly(
              tuple(Kind.LIKES, 1.0, TestEvents.at(30)), tuple(Kind.LIKES, 1.0, TestEvents.at(90)));
    }
  }

  @Test
  void aLateWebhookAlreadyInTheLastSnapshotCountsNothingUnlessThatCounterWasNotPolled()
      throws Exception {
    try (var h = harness(null)) {
      var out =
          send(
              h,
              events.published("p4", 0),
              events.engagementSnapshot("p4", 30, 2, 0), // +2 likes, views not reported
              events.like("p4", 20, 1), // one of those 2, delivered late: already counted
              events.view("p4", 20, 5), // views are not polled: counts
              events.engagementSnapshot("p4", 90, 2, 0),
              events.like("p4", 95, 1));

      assertThat(out)
          .extracting(Contribution::kind, Contribution::amount, Contribution::timestamp)
          .containsExactly(
              tuple(Kind.LIKES, 2.0, TestEvents.at(30)),
              tuple(Kind.VIEWS, 5.0, TestEvents.at(20)),
              tuple(Kind.LIKES, 1.0, TestEvents.at(95)));
    }
  }

  @Test
  void aBaselineSnapshotSetsPendingToZero() throws Exception {
    try (var h = harness(null)) {
      var out =
          send(
              h,
              events.like("p5", 5, 1), // counted; the baseline below holds it
              events.engagementSnapshot("p5", 10, 10, 0), // baseline: nothing, pending 0
              events.engagementSnapshot("p5", 20, 12, 0)); // +2, neither pushed

      assertThat(out)
          .extracting(Contribution::kind, Contribution::amount, Contribution::timestamp)
          .containsExactly(
              tuple(Kind.LIKES, 1.0, TestEvents.at(5)), tuple(Kind.LIKES, 2.0, TestEvents.at(20)));
    }
  }

  @Test
  void resetsWithPendingLikesStayNonNegative() throws Exception {
    try (var h = harness(null)) {
      var out =
          send(
              h,
              events.engagementSnapshot("p6", 0, 100, 0), // baseline
              events.like("p6", 10, 3), // pending 3
              events.engagementSnapshot("p6", 20, 0, 0), // reset to zero: nothing, pending 3
              events.engagementSnapshot("p6", 30, 2, 0), // +2, all pending: nothing, pending 1
              events.engagementSnapshot("p6", 40, 5, 0), // +3: 2 new, pending 0
              events.engagementSnapshot("p6", 50, 1, 0)); // reset to a lower value: +1

      assertThat(out)
          .extracting(Contribution::kind, Contribution::amount, Contribution::timestamp)
          .containsExactly(
              tuple(Kind.LIKES, 3.0, TestEvents.at(10)),
              tuple(Kind.LIKES, 2.0, TestEvents.at(40)),
              tuple(Kind.LIKES, 1.0, TestEvents.at(50)));
    }
  }

  @Test
  void followsAndUnfollowsAreReconciledWithTheFollowerCount() throws Exception {
    try (var h = harness(null)) {
      var out =
          send(
              h,
              events.follows(0, 4), // before any count: counted
              events.followers(1, 100), // baseline: the level only, pending 0
              events.follows(10, 1),
              events.follows(11, 2),
              events.follows(12, -1), // net pending +2
              events.followers(20, 105), // +5: 3 new
              events.follows(15, 1), // late: already in the count at 20
              events.follows(25, -1), // net pending -1
              events.followers(30, 101)); // -4: -3 new

      assertThat(out)
          .extracting(Contribution::kind, Contribution::amount, Contribution::timestamp)
          .containsExactly(
              tuple(Kind.FOLLOWERS_CHANGE, 4.0, TestEvents.at(0)),
              tuple(Kind.FOLLOWERS_LEVEL, 100.0, TestEvents.at(1)),
              tuple(Kind.FOLLOWERS_CHANGE, 1.0, TestEvents.at(10)),
              tuple(Kind.FOLLOWERS_CHANGE, 2.0, TestEvents.at(11)),
              tuple(Kind.FOLLOWERS_CHANGE, -1.0, TestEvents.at(12)),
              tuple(Kind.FOLLOWERS_LEVEL, 105.0, TestEvents.at(20)),
              tuple(Kind.FOLLOWERS_CHANGE, 3.0, TestEvents.at(20)),
              tuple(Kind.FOLLOWERS_CHANGE, -1.0, TestEvents.at(25)),
              tuple(Kind.FOLLOWERS_LEVEL, 101.0, TestEvents.at(30)),
              tuple(Kind.FOLLOWERS_CHANGE, -3.0, TestEvents.at(30)));
      double sinceBaseline =
          out.stream()
              .filter(c -> c.kind() == Kind.FOLLOWERS_CHANGE && c.timestamp() > TestEvents.at(1))
              .mapToDouble(Contribution::amount)
              .sum();
      assertThat(sinceBaseline).isEqualTo(101 - 100);
    }
  }

  @Test
  void theReadingsStayFlinkPojosWithoutKryoFields() {
    for (Class<?> type : List.of(Readings.Content.class, Readings.Followers.class)) {
      TypeInformation<?> info = TypeInformation.of(type);
      assertThat(info).as(type.getName()).isInstanceOf(PojoTypeInfo.class);
      PojoTypeInfo<?> pojo = (PojoTypeInfo<?>) info;
      for (int i = 0; i < pojo.getArity(); i++) {
        assertThat(pojo.getPojoFieldAt(i).getTypeInformation())
            .as(pojo.getPojoFieldAt(i).getField().getName())
            .isNotInstanceOf(GenericTypeInfo.class);
      }
    }
    assertThat(((PojoTypeInfo<?>) TypeInformation.of(Readings.Content.class)).getArity())
        .isEqualTo(12);
  }
}
