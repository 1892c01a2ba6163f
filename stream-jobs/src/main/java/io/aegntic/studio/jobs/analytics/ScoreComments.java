package io.aegntic.studio.jobs.analytics;

import io.aegntic.studio.jobs.analytics.Contribution.Kind;
import io.aegntic.studio.jobs.common.JsonTypeInfo;
import io.aegntic.studio.ml.sentiment.Sentiment;
import io.aegntic.studio.ml.sentiment.SentimentModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives comment texts a sentiment in micro-batches: {@code COMMENT_TEXT} contributions wait in
 * keyed list state until {@code maxBatch} of them are there or the oldest has waited {@code
 * maxWait} (processing-time timer), then one batched predict turns each into a {@code
 * NEGATIVE|NEUTRAL|POSITIVE_COMMENT} contribution. An event-time timer at the earliest waiting
 * comment flushes the batch before the watermark passing it reaches the windows, so batching never
 * makes a comment late. Every other contribution passes straight through. The buffer is keyed
 * state, so a checkpoint holds it and a restart loses nothing.
 */
final class ScoreComments extends KeyedProcessFunction<String, Contribution, Contribution> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(ScoreComments.class);

  /** Texts carried on into window state and labels are cut to this (a tweet's length). */
  static final int MAX_TEXT = 280;

  private final int maxBatch;
  private final long maxWait;
  private transient SentimentModel model;
  private transient ListState<Contribution> pending;
  private transient ValueState<Integer> size;
  private transient ValueState<Long> flushAt;
  private transient ValueState<Long> holdAt;
  private transient Counter scored;
  private transient Counter batches;

  ScoreComments(int maxBatch, Duration maxWait) {
    if (maxBatch < 1) {
      throw new IllegalArgumentException("sentiment batch size must be at least 1: " + maxBatch);
    }
    this.maxBatch = maxBatch;
    this.maxWait = Math.max(1, maxWait.toMillis());
  }

  @Override
  public void open(OpenContext context) {
    long started = System.nanoTime();
    model = SentimentModel.load(); // once per task: ~1-2 s, offline, from the jar
    LOG.info(
        "sentiment model loaded in {} ms (batch {}, max wait {} ms)",
        (System.nanoTime() - started) / 1_000_000,
        maxBatch,
        maxWait);
    pending =
        getRuntimeContext()
            .getListState(
                new ListStateDescriptor<>("pending-comments", JsonTypeInfo.of(Contribution.class)));
    size = getRuntimeContext().getState(new ValueStateDescriptor<>("pending-size", Types.INT));
    flushAt =
        getRuntimeContext().getState(new ValueStateDescriptor<>("pending-flush-at", Types.LONG));
    holdAt =
        getRuntimeContext().getState(new ValueStateDescriptor<>("pending-hold-at", Types.LONG));
    scored = getRuntimeContext().getMetricGroup().counter("scoredComments");
    batches = getRuntimeContext().getMetricGroup().counter("sentimentBatches");
  }

  @Override
  public void close() throws Exception {
    if (model != null) {
      model.close();
    }
  }

  @Override
  public void processElement(Contribution c, Context ctx, Collector<Contribution> out)
      throws Exception {
    if (c.kind() != Kind.COMMENT_TEXT) {
      out.collect(c);
      return;
    }
    pending.add(c);
    int n = size.value() == null ? 1 : size.value() + 1;
    size.update(n);
    if (flushAt.value() == null) {
      long at = ctx.timerService().currentProcessingTime() + maxWait;
      ctx.timerService().registerProcessingTimeTimer(at);
      flushAt.update(at);
    }
    Long hold = holdAt.value();
    if (hold == null || c.timestamp() < hold) {
      if (hold != null) {
        ctx.timerService().deleteEventTimeTimer(hold);
      }
      ctx.timerService().registerEventTimeTimer(c.timestamp());
      holdAt.update(c.timestamp());
    }
    if (n >= maxBatch) {
      flush(ctx, out);
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Contribution> out)
      throws Exception {
    flush(ctx, out);
  }

  private void flush(Context ctx, Collector<Contribution> out) throws Exception {
    List<Contribution> batch = new ArrayList<>();
    pending.get().forEach(batch::add);
    if (!batch.isEmpty()) {
      List<String> texts = batch.stream().map(Contribution::label).toList();
      List<Sentiment> sentiments = model.predict(texts);
      for (int i = 0; i < batch.size(); i++) {
        out.collect(scoredAs(batch.get(i), sentiments.get(i)));
      }
      scored.inc(batch.size());
      batches.inc();
    }
    Long flush = flushAt.value();
    if (flush != null) {
      ctx.timerService().deleteProcessingTimeTimer(flush);
    }
    Long hold = holdAt.value();
    if (hold != null) {
      ctx.timerService().deleteEventTimeTimer(hold);
    }
    pending.clear();
    size.clear();
    flushAt.clear();
    holdAt.clear();
  }

  static Contribution scoredAs(Contribution c, Sentiment s) {
    Kind kind =
        switch (s.label()) {
          case NEGATIVE -> Kind.NEGATIVE_COMMENT;
          case NEUTRAL -> Kind.NEUTRAL_COMMENT;
          case POSITIVE -> Kind.POSITIVE_COMMENT;
        };
    String text = c.label();
    if (text.length() > MAX_TEXT) {
      int cut = MAX_TEXT - 1;
      if (Character.isHighSurrogate(text.charAt(cut - 1))) {
        cut--; // never split an emoji
      }
      text = text.substring(0, cut) + "…";
    }
    return new Contribution(
        c.creatorId(), c.platform(), c.contentId(), c.timestamp(), kind, s.confidence(), text, 1.0);
  }
}
