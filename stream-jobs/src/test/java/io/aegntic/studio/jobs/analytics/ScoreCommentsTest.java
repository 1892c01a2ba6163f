package io.aegntic.studio.jobs.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.aegntic.studio.events.Platform;
import io.aegntic.studio.jobs.analytics.Contribution.Kind;
import java.time.Duration;
import java.util.List;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** The micro-batching sentiment operator with the real model (loaded once per harness). */
class ScoreCommentsTest {
  private static final String CREATOR = "sentiment-creator";
  private static final String GOOD = "I love this video, it is absolutely wonderful! Thank you!";
  private static final String BAD = "This is terrible, I hate it. Worst video ever, awful.";

  private static OneInputStreamOperatorTestHarness<Contribution, Contribution> harness(int batch)
      throws Exception {
    var h =
        new OneInputStreamOperatorTestHarness<>(new ScoreComments(batch, Duration.ofMillis(200)));
    h.setProcessingTime(0);
    h.open();
    return h;
  }

  private static Contribution text(double seconds, String text) {
    return Contribution.of(
            CREATOR, Platform.YOUTUBE, "v1", TestEvents.at(seconds), Kind.COMMENT_TEXT, 1)
        .withLabel(text);
  }

  private static List<Contribution> taken(
      OneInputStreamOperatorTestHarness<Contribution, Contribution> h) {
    List<Contribution> out = List.copyOf(h.extractOutputValues());
    h.getOutput().clear();
    return out;
  }

  private static void assertNothingPending(
      OneInputStreamOperatorTestHarness<Contribution, Contribution> h) {
    assertThat(((ScoreComments) h.getOperator()).pending()).isZero();
  }

  @Test
  void aFullBatchIsScoredAtOnceAndOtherContributionsPassStraightThrough() throws Exception {
    try (var h = harness(3)) {
      Contribution like =
          Contribution.of(CREATOR, Platform.YOUTUBE, "v1", TestEvents.at(1), Kind.LIKES, 2);
      h.processElement(text(1, GOOD), TestEvents.at(1));
      h.processElement(like, TestEvents.at(1));
      h.processElement(text(2, BAD), TestEvents.at(2));
      assertThat(taken(h)).containsExactly(like); // two comments wait for a third

      h.processElement(text(3, GOOD), TestEvents.at(3)); // the batch is full
      List<Contribution> scored = taken(h);
      assertThat(scored)
          .extracting(Contribution::kind, Contribution::label, Contribution::timestamp)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(Kind.POSITIVE_COMMENT, GOOD, TestEvents.at(1)),
              org.assertj.core.groups.Tuple.tuple(Kind.NEGATIVE_COMMENT, BAD, TestEvents.at(2)),
              org.assertj.core.groups.Tuple.tuple(Kind.POSITIVE_COMMENT, GOOD, TestEvents.at(3)));
      assertThat(scored).allSatisfy(c -> assertThat(c.amount()).isBetween(1.0 / 3, 1.0));
      assertNothingPending(h);
    }
  }

  @Test
  void aPartBatchIsFlushedByTheTimerAndLongTextsAreCut() throws Exception {
    try (var h = harness(32)) {
      String rant = BAD + " " + "x".repeat(400);
      h.processElement(text(5, rant), TestEvents.at(5));
      h.setProcessingTime(199);
      assertThat(taken(h)).isEmpty();

      h.setProcessingTime(200); // the oldest comment has waited long enough
      List<Contribution> scored = taken(h);
      assertThat(scored).hasSize(1);
      assertThat(scored.get(0).kind()).isEqualTo(Kind.NEGATIVE_COMMENT);
      assertThat(scored.get(0).label()).hasSize(ScoreComments.MAX_TEXT).startsWith(BAD);
      assertNothingPending(h);
    }
  }

  @Test
  void theWatermarkNeverOvertakesAWaitingComment() throws Exception {
    try (var h = harness(32)) {
      h.processElement(text(10, GOOD), TestEvents.at(10));
      h.processElement(text(8, BAD), TestEvents.at(8)); // out of order: the hold moves earlier
      h.processWatermark(new Watermark(TestEvents.at(7)));
      assertThat(h.getOutput()).hasSize(1); // just the watermark

      h.processWatermark(new Watermark(TestEvents.at(8)));
      // Both comments are out before the watermark that would otherwise make them late.
      assertThat(h.getOutput()).hasSize(4);
      assertThat(List.copyOf(h.getOutput()).get(3)).isEqualTo(new Watermark(TestEvents.at(8)));
      assertThat(h.extractOutputValues())
          .extracting(Contribution::kind)
          .containsExactly(Kind.POSITIVE_COMMENT, Kind.NEGATIVE_COMMENT);
      assertNothingPending(h);
    }
  }

  @Test
  void commentsOfDifferentCreatorsShareABatch() throws Exception {
    try (var h = harness(2)) {
      h.processElement(text(1, GOOD), TestEvents.at(1));
      Contribution other =
          Contribution.of(
                  "another-creator", Platform.X, "t1", TestEvents.at(1), Kind.COMMENT_TEXT, 1)
              .withLabel(BAD);
      h.processElement(other, TestEvents.at(1));
      assertThat(taken(h))
          .extracting(Contribution::creatorId, Contribution::kind)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(CREATOR, Kind.POSITIVE_COMMENT),
              org.assertj.core.groups.Tuple.tuple("another-creator", Kind.NEGATIVE_COMMENT));
      assertNothingPending(h);
    }
  }

  @Test
  void aCheckpointBarrierAndTheEndOfInputFlushSoNothingIsHeldInState() throws Exception {
    try (var h = harness(32)) {
      h.processElement(text(1, GOOD), TestEvents.at(1));
      assertThat(taken(h)).isEmpty();
      h.prepareSnapshotPreBarrier(1);
      assertThat(taken(h)).extracting(Contribution::kind).containsExactly(Kind.POSITIVE_COMMENT);
      assertNothingPending(h);

      h.processElement(text(2, BAD), TestEvents.at(2));
      h.endInput();
      assertThat(taken(h)).extracting(Contribution::kind).containsExactly(Kind.NEGATIVE_COMMENT);
      assertNothingPending(h);
    }
  }
}
