package io.aegntic.studio.jobs.examples;

import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/** Puts the window's end on the pair count the reduce produced. */
final class StampWindowEnd
    extends ProcessWindowFunction<HashtagPair, HashtagPair, String, TimeWindow> {
  private static final long serialVersionUID = 1L;

  @Override
  public void process(
      String key, Context context, Iterable<HashtagPair> counts, Collector<HashtagPair> out) {
    for (HashtagPair pair : counts) {
      pair.windowEnd = context.window().getEnd();
      out.collect(pair);
    }
  }
}
