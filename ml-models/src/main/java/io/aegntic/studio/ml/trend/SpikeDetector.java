package io.aegntic.studio.ml.trend;

import java.io.Serializable;

/**
 * Causal spike detector for counts per interval. Each value is compared, on a log scale, with a
 * robust running baseline (exponentially weighted level and mean absolute deviation, fed with
 * clipped residuals so a burst does not drag the baseline up at once); the excess in deviations
 * becomes a score in [0, 1] through a logistic curve. An alert fires when the score passes the
 * threshold, then stays quiet for a refractory period so one burst raises one alert.
 *
 * <p>Each point is scored only from points before it. State is a few numbers; the class is {@link
 * Serializable} so a Flink job can keep it in keyed state.
 */
public final class SpikeDetector implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Params params;
  private double level;
  private double deviation;
  private double recent;
  private long count;
  private long quietUntil;
  private final double[] season;

  public SpikeDetector(Params params) {
    this.params = params;
    this.season = params.period() > 0 ? new double[params.period()] : null;
  }

  private double seasonal() {
    return season == null ? 0 : season[(int) (count % season.length)];
  }

  /**
   * Spread of log(1 + count) expected from Poisson noise alone at the baseline rate, so sparse
   * series (a few counts per interval) do not alert on every 0 to 2 jump.
   */
  private double countNoise(double baseline) {
    double rate = Math.expm1(Math.max(baseline, 0));
    return params.countNoise() * Math.sqrt(rate + 1) / (rate + 1);
  }

  public static SpikeDetector withDefaults() {
    return new SpikeDetector(Params.DEFAULTS);
  }

  /**
   * The default settings with a daily profile for series with this interval (e.g. 288 slots for 5
   * minutes); intervals that do not divide a day, or give more than 1,440 slots, get none.
   */
  public static SpikeDetector forInterval(java.time.Duration interval) {
    return new SpikeDetector(Params.DEFAULTS.withPeriod(dailyPeriod(interval)));
  }

  /** Intervals per day, or 0 when the interval does not divide a day into at most 1,440 slots. */
  public static int dailyPeriod(java.time.Duration interval) {
    long seconds = interval.getSeconds();
    if (seconds <= 0 || 86_400 % seconds != 0 || 86_400 / seconds > 1_440) {
      return 0;
    }
    long period = 86_400 / seconds;
    return period > 1 ? (int) period : 0;
  }

  /** Scores the next interval's value against the past, then learns from it. */
  public SpikeScore update(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("value must be finite, got " + value);
    }
    double y = Math.signum(value) * Math.log1p(Math.abs(value));
    if (count == 0) {
      level = y;
      recent = y;
      deviation = params.minDeviation();
      count = 1;
      return new SpikeScore(0, false);
    }
    recent += params.recentAlpha() * (y - recent);
    double baseline = level + seasonal();
    double scale =
        Math.max(deviation * 1.2533, Math.max(params.minDeviation(), countNoise(baseline)));
    double z = (Math.min(y, recent) - baseline) / scale;
    double score = 1 / (1 + Math.exp(-(z - params.center()) / params.width()));
    boolean warm = count >= params.warmup();
    boolean alert = warm && score >= params.threshold() && count >= quietUntil;
    if (alert) {
      quietUntil = count + params.refractory();
    }
    double residual = y - baseline;
    double clip = params.clip() * scale;
    double clipped = Math.max(-clip, Math.min(clip, residual));
    double a =
        count < params.warmup() ? Math.max(params.alpha(), 1.0 / (count + 1)) : params.alpha();
    level += a * clipped;
    deviation += a * (Math.abs(clipped) - deviation);
    if (season != null) {
      season[(int) (count % season.length)] += params.seasonAlpha() * (1 - a) * clipped;
    }
    count++;
    return new SpikeScore(warm ? score : 0, alert);
  }

  public long count() {
    return count;
  }

  /**
   * Detector settings.
   *
   * @param alpha baseline smoothing per interval
   * @param recentAlpha smoothing of the "recent" value; the lower of it and the raw value is
   *     compared, so a single noisy interval does not fire
   * @param clip residuals are clipped at this many deviations before they update the baseline
   * @param center deviations above baseline at which the score is 0.5
   * @param width logistic width in deviations
   * @param threshold score at which an alert fires
   * @param refractory intervals without alerts after an alert
   * @param warmup intervals before the first alert
   * @param minDeviation floor of the deviation (log scale), for near-constant series
   * @param countNoise multiple of the Poisson noise at the baseline rate used as a deviation floor
   * @param period seasonal period in intervals (e.g. 288 for a day of 5-minute counts), 0 for none
   * @param seasonAlpha seasonal profile smoothing
   */
  public record Params(
      double alpha,
      double recentAlpha,
      double clip,
      double center,
      double width,
      double threshold,
      int refractory,
      int warmup,
      double minDeviation,
      double countNoise,
      int period,
      double seasonAlpha)
      implements Serializable {
    /** Chosen on the NAB realTweets development files (see MODEL_CARD.md); no seasonality. */
    public static final Params DEFAULTS =
        new Params(0.005, 0.6, 3, 4, 1, 0.5, 288, 60, 0.05, 0, 0, 0.1);

    public Params {
      if (!(alpha > 0 && alpha <= 1) || !(recentAlpha > 0 && recentAlpha <= 1)) {
        throw new IllegalArgumentException("alpha and recentAlpha must be in (0, 1]");
      }
      if (width <= 0 || threshold < 0 || threshold > 1 || refractory < 0 || warmup < 0) {
        throw new IllegalArgumentException("invalid spike detector parameters");
      }
      if (period < 0 || seasonAlpha < 0 || seasonAlpha >= 1 || minDeviation <= 0) {
        throw new IllegalArgumentException("invalid spike detector seasonal parameters");
      }
    }

    /**
     * The same settings with a different warm-up, e.g. a few intervals for a job that must flag a
     * burst on a series it has only just started tracking.
     */
    public Params withWarmup(int intervals) {
      return new Params(
          alpha,
          recentAlpha,
          clip,
          center,
          width,
          threshold,
          refractory,
          intervals,
          minDeviation,
          countNoise,
          period,
          seasonAlpha);
    }

    /** The same settings with a daily (or other) seasonal profile of {@code period} intervals. */
    public Params withPeriod(int period) {
      return new Params(
          alpha,
          recentAlpha,
          clip,
          center,
          width,
          threshold,
          refractory,
          warmup,
          minDeviation,
          countNoise,
          period,
          seasonAlpha);
    }
  }
}
