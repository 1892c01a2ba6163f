package io.aegntic.studio.jobs.analytics;

import io.aegntic.studio.events.MetricUpdate;
import io.aegntic.studio.events.MetricUpdate.Emission;
import io.aegntic.studio.events.MetricUpdate.Family;
import io.aegntic.studio.events.MetricUpdate.Scope;
import io.aegntic.studio.ml.trend.Forecaster;
import io.aegntic.studio.ml.trend.SpikeDetector;
import io.aegntic.studio.ml.trend.TrendPoint;
import io.aegntic.studio.ml.trend.TrendTracker;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.InstantiationUtil;

/**
 * Trend metrics (issue 6) per engagement series: each FINAL window's engagements (mentions for a
 * hashtag) feed that series' {@link TrendTracker} from ml-models, in window order, with zeros for
 * the quiet minutes in between; out comes a {@code trend} update for the same window with the
 * forecast for the next one, its interval, the velocity, the anomaly score and the trending flag.
 * Keyed by creator and series; the tracker is kept as its Java-serialised bytes and forgotten after
 * a week without updates. A tracker is ~12 KB (a day of one-minute slots), so its bytes are not
 * read and written per window: a tracker in use stays an object in {@link #live} until the next
 * checkpoint, when {@link TrendScoresOperator} has {@link #writeTrackers} put it into the keyed
 * state (the state's shape is unchanged). A replay or catch-up, which closes a series' windows
 * seconds apart, thus pays one read and one write per series and checkpoint instead of per window.
 */
final class TrendScores extends KeyedProcessFunction<String, MetricUpdate, MetricUpdate> {
  private static final long serialVersionUID = 1L;

  /** At most this many quiet intervals are fed as zeros between two windows of a series. */
  private static final int MAX_GAP = 60;

  /**
   * Trackers kept as objects between checkpoints at most; beyond, the bytes are written at once.
   */
  static final int MAX_LIVE = 4096;

  private final int maxLive;

  private final long window;
  private transient ValueState<byte[]> tracker;
  private transient ValueState<Long> lastWindowEnd;
  // Trackers updated since the last checkpoint, by key; newer than their bytes in `tracker`.
  private transient Map<String, TrendTracker> live;

  TrendScores(Duration window) {
    this(window, MAX_LIVE);
  }

  /** {@code maxLive}: trackers held as objects at most (tests use a small number). */
  TrendScores(Duration window, int maxLive) {
    this.window = window.toMillis();
    this.maxLive = maxLive;
  }

  static boolean feeds(MetricUpdate u) {
    return u.family() == Family.ENGAGEMENT && u.emission() == Emission.FINAL;
  }

  static String key(MetricUpdate u) {
    return u.creatorId() + '|' + u.seriesKey();
  }

  @Override
  public void open(OpenContext context) {
    StateTtlConfig week = StateTtlConfig.newBuilder(Duration.ofDays(7)).build();
    ValueStateDescriptor<byte[]> trackerState =
        new ValueStateDescriptor<>(
            "trend-tracker", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);
    trackerState.enableTimeToLive(week);
    tracker = getRuntimeContext().getState(trackerState);
    ValueStateDescriptor<Long> lastState =
        new ValueStateDescriptor<>("trend-last-window", Types.LONG);
    lastState.enableTimeToLive(week);
    lastWindowEnd = getRuntimeContext().getState(lastState);
    live = new HashMap<>();
  }

  @Override
  public void processElement(MetricUpdate u, Context ctx, Collector<MetricUpdate> out)
      throws Exception {
    long end = u.windowEnd().toEpochMilli();
    Long last = lastWindowEnd.value();
    if (last != null && end <= last) {
      return; // a window is final once; an older one cannot be fed in order any more
    }
    String key = ctx.getCurrentKey();
    TrendTracker series = live.get(key);
    if (series == null) {
      // No last window (a new series, or one forgotten after a week): a new tracker, as the
      // bytes are written up to a checkpoint later than the last window and may outlive it.
      series = load(last != null);
    }
    if (last != null) {
      long quiet = Math.min(MAX_GAP, (end - last) / window - 1);
      for (long i = 0; i < quiet; i++) {
        series.update(0);
      }
    }
    double value = u.value(u.scope() == Scope.HASHTAG ? "mentions" : "engagements");
    TrendPoint p = series.update(Double.isNaN(value) ? 0 : value);
    if (live.size() < maxLive || live.containsKey(key)) {
      live.put(key, series);
    } else {
      tracker.update(InstantiationUtil.serializeObject(series));
    }
    lastWindowEnd.update(end);
    out.collect(
        new MetricUpdate(
            u.creatorId(),
            Family.TREND,
            u.scope(),
            u.subject(),
            u.platform(),
            u.windowStart(),
            u.windowEnd(),
            Emission.FINAL,
            values(p),
            u.labels(),
            Instant.ofEpochMilli(ctx.timerService().currentProcessingTime())));
  }

  /**
   * Writes every live tracker into the keyed state, under its key ({@code keys} switches the
   * operator's current key), and forgets them: called before each checkpoint's state snapshot.
   */
  void writeTrackers(KeySwitch keys) throws Exception {
    for (Map.Entry<String, TrendTracker> e : live.entrySet()) {
      keys.setCurrentKey(e.getKey());
      tracker.update(InstantiationUtil.serializeObject(e.getValue()));
    }
    live.clear();
  }

  /** Sets the keyed state's current key. */
  interface KeySwitch {
    void setCurrentKey(String key) throws Exception;
  }

  private TrendTracker load(boolean known) throws Exception {
    byte[] bytes = known ? tracker.value() : null;
    if (bytes == null) {
      // A short warm-up so a burst on a series the job only just started tracking still shows.
      return new TrendTracker(
          Forecaster.withDefaults(),
          SpikeDetector.Params.DEFAULTS
              .withPeriod(SpikeDetector.dailyPeriod(Duration.ofMillis(window)))
              .withWarmup(5));
    }
    return InstantiationUtil.deserializeObject(bytes, getClass().getClassLoader());
  }

  private static Map<String, Double> values(TrendPoint p) {
    Map<String, Double> v = new LinkedHashMap<>();
    v.put("value", p.value());
    v.put("forecast", p.forecast());
    v.put("forecast_low", p.forecastLow());
    v.put("forecast_high", p.forecastHigh());
    v.put("velocity", p.velocity());
    v.put("anomaly_score", p.anomalyScore());
    v.put("trending", p.trending() ? 1.0 : 0.0);
    return v;
  }
}
