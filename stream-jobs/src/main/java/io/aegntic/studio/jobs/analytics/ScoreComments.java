package io.aegntic.studio.jobs.analytics;

import io.aegntic.studio.jobs.analytics.Contribution.Kind;
import io.aegntic.studio.ml.sentiment.Sentiment;
import io.aegntic.studio.ml.sentiment.SentimentModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives comment texts a sentiment in micro-batches across all the keys of a subtask: {@code
 * COMMENT_TEXT} contributions wait until {@code maxBatch} of them are there or the oldest has
 * waited {@code maxWait}, then one batched predict turns each into a {@code NEGATIVE|NEUTRAL|
 * POSITIVE_COMMENT} contribution; every other contribution passes straight through. Batching per
 * subtask, not per key, is what fills batches: one creator rarely has two comments within the wait.
 * The batch is flushed before a watermark that passes its earliest comment (batching never makes a
 * comment late), before every checkpoint barrier (so it holds no state: exactly-once without
 * snapshotting a buffer) and at the end of the input. Records keep their subtask, so the stream
 * stays keyed for the windows after it.
 */
final class ScoreComments extends AbstractStreamOperator<Contribution>
    implements OneInputStreamOperator<Contribution, Contribution>, BoundedOneInput {
  private static final long serialVersionUID = 2L;
  private static final Logger LOG = LoggerFactory.getLogger(ScoreComments.class);

  /** Texts carried on into window state and labels are cut to this (a tweet's length). */
  static final int MAX_TEXT = 280;

  private final int maxBatch;
  private final long maxWait;
  private transient SentimentModel model;
  private transient List<Contribution> pending;
  private transient long earliest;
  private transient long flushAt;
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
  public void open() throws Exception {
    super.open();
    long started = System.nanoTime();
    model = SentimentModel.load(); // once per task: ~1-2 s, offline, from the jar
    LOG.info(
        "sentiment model loaded in {} ms (batch {}, max wait {} ms)",
        (System.nanoTime() - started) / 1_000_000,
        maxBatch,
        maxWait);
    pending = new ArrayList<>(maxBatch);
    flushAt = Long.MIN_VALUE;
    scored = getMetricGroup().counter("scoredComments");
    batches = getMetricGroup().counter("sentimentBatches");
  }

  @Override
  public void processElement(StreamRecord<Contribution> record) throws Exception {
    Contribution c = record.getValue();
    if (c.kind() != Kind.COMMENT_TEXT) {
      output.collect(record);
      return;
    }
    if (pending.isEmpty()) {
      earliest = c.timestamp();
      long at = getProcessingTimeService().getCurrentProcessingTime() + maxWait;
      flushAt = at;
      getProcessingTimeService().registerTimer(at, now -> onTimer(at));
    } else {
      earliest = Math.min(earliest, c.timestamp());
    }
    pending.add(c);
    if (pending.size() >= maxBatch) {
      flush();
    }
  }

  /** A timer of a batch already flushed (full, watermark, barrier) finds another or none. */
  private void onTimer(long at) throws Exception {
    if (at == flushAt) {
      flush();
    }
  }

  @Override
  public void processWatermark(Watermark mark) throws Exception {
    if (!pending.isEmpty() && mark.getTimestamp() >= earliest) {
      flush();
    }
    super.processWatermark(mark);
  }

  @Override
  public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
    flush();
    super.prepareSnapshotPreBarrier(checkpointId);
  }

  @Override
  public void endInput() throws Exception {
    flush();
  }

  @Override
  public void close() throws Exception {
    if (model != null) {
      model.close();
    }
    super.close();
  }

  /** Number of comments waiting (tests). */
  int pending() {
    return pending.size();
  }

  private void flush() throws Exception {
    flushAt = Long.MIN_VALUE;
    if (pending.isEmpty()) {
      return;
    }
    List<String> texts = new ArrayList<>(pending.size());
    for (Contribution c : pending) {
      texts.add(c.label());
    }
    List<Sentiment> sentiments = model.predict(texts);
    for (int i = 0; i < pending.size(); i++) {
      Contribution c = scoredAs(pending.get(i), sentiments.get(i));
      output.collect(new StreamRecord<>(c, c.timestamp()));
    }
    scored.inc(pending.size());
    batches.inc();
    pending.clear();
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
