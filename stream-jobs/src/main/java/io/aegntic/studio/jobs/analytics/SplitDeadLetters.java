package io.aegntic.studio.jobs.analytics;

import io.aegntic.studio.events.DeadLetter;
import io.aegntic.studio.events.StudioEvent;
import io.aegntic.studio.jobs.common.JsonTypeInfo;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/** Passes parsed events on and sends unparseable records to the dead-letter side output. */
final class SplitDeadLetters extends ProcessFunction<Incoming, StudioEvent> {
  static final OutputTag<DeadLetter> DEAD_LETTERS =
      new OutputTag<>("dead-letters", JsonTypeInfo.of(DeadLetter.class));
  private static final long serialVersionUID = 1L;
  private transient Counter unparseable;

  @Override
  public void open(OpenContext context) {
    unparseable = getRuntimeContext().getMetricGroup().counter("unparseableEvents");
  }

  @Override
  public void processElement(Incoming in, Context ctx, Collector<StudioEvent> out) {
    if (in.event() != null) {
      out.collect(in.event());
    } else {
      unparseable.inc();
      ctx.output(DEAD_LETTERS, in.deadLetter());
    }
  }
}
