package io.aegntic.studio.jobs.analytics;

import io.aegntic.studio.events.MetricUpdate;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;

/**
 * Runs {@link TrendScores} like {@code process()} does (same state, same timer service, so the
 * {@code trend-scores} uid restores as before) and, before each checkpoint's state snapshot, has it
 * write the trackers it holds as objects into its keyed state.
 */
final class TrendScoresOperator extends KeyedProcessOperator<String, MetricUpdate, MetricUpdate> {
  private static final long serialVersionUID = 1L;
  private final TrendScores scores;

  TrendScoresOperator(TrendScores scores) {
    super(scores);
    this.scores = scores;
  }

  @Override
  public void snapshotState(StateSnapshotContext context) throws Exception {
    scores.writeTrackers(this::setCurrentKey);
    super.snapshotState(context);
  }
}
