package io.aegntic.studio.jobs.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.aegntic.studio.events.Platform;
import io.aegntic.studio.events.StudioEvent;
import io.aegntic.studio.jobs.analytics.Contribution.Kind;
import java.nio.file.Path;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OperatorSnapshotUtil;
import org.junit.jupiter.api.Test;

/**
 * State written before {@link Readings} had the {@code pending} fields restores into today's
 * operator (Flink POJO schema evolution: added fields start at 0). The file {@code
 * state/to-contributions-before-pending.snapshot} was written by the harness with the code of
 * commit 31fb0ab after a baseline of content v1 (1,000 views, 50 likes at T0), a follower count of
 * 100 at T0 and 2 pushed likes on v1 at T0 + 5 s ({@code OperatorSnapshotUtil.writeStateHandle}).
 */
class ReadingsMigrationTest {
  private final TestEvents events = new TestEvents("migration-creator", Platform.X);

  @Test
  void readingsFromBeforeThePendingFieldsRestoreWithNothingPending() throws Exception {
    String file =
        Path.of(getClass().getResource("/state/to-contributions-before-pending.snapshot").toURI())
            .toString();
    try (var h =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new ToContributions()), EventKeys::of, Types.STRING)) {
      h.initializeState(OperatorSnapshotUtil.readStateHandle(file));
      h.open();
      for (StudioEvent e :
          new StudioEvent[] {
            events.like("v1", 10, 1), // pending 1
            events.snapshot("v1", 20, 1000L, 53L), // +3 over the restored 50, 1 of them pending
            events.followers(20, 104) // +4 over the restored 100
          }) {
        h.processElement(e, e.occurredAt().toEpochMilli());
      }

      assertThat(h.extractOutputValues())
          .extracting(Contribution::kind, Contribution::amount, Contribution::timestamp)
          .containsExactly(
              tuple(Kind.LIKES, 1.0, TestEvents.at(10)),
              tuple(Kind.LIKES, 2.0, TestEvents.at(20)),
              tuple(Kind.FOLLOWERS_LEVEL, 104.0, TestEvents.at(20)),
              tuple(Kind.FOLLOWERS_CHANGE, 4.0, TestEvents.at(20)));
    }
  }
}
