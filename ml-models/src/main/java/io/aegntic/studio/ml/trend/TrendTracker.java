package io.aegntic.studio.ml.trend;

import java.io.Serializable;
import java.time.Duration;

/**
 * One series' trend state: a {@link Forecaster} and a {@link SpikeDetector} fed the same values,
 * plus the previous value for velocity. This is what the analytics job keeps per content, creator
 * and hashtag (Serializable, small) and feeds once per closed interval, in time order.
 */
public final class TrendTracker implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Forecaster forecaster;
  private final SpikeDetector detector;
  private final double threshold;
  private double previous = Double.NaN;

  public TrendTracker(Forecaster forecaster, SpikeDetector.Params detectorParams) {
    this.forecaster = forecaster;
    this.detector = new SpikeDetector(detectorParams);
    this.threshold = detectorParams.threshold();
  }

  /** Default forecaster and detector, with a daily profile when the interval divides a day. */
  public static TrendTracker forInterval(Duration interval) {
    return new TrendTracker(
        Forecaster.withDefaults(),
        SpikeDetector.Params.DEFAULTS.withPeriod(SpikeDetector.dailyPeriod(interval)));
  }

  /** Feeds the next interval's value (use 0 for an interval with no events). */
  public TrendPoint update(double value) {
    SpikeScore spike = detector.update(value);
    forecaster.update(value);
    Forecast next = forecaster.forecast(1);
    double velocity = Double.isNaN(previous) ? 0 : value - previous;
    previous = value;
    return new TrendPoint(
        value,
        next.mean(),
        next.low(),
        next.high(),
        velocity,
        spike.score(),
        spike.score() >= threshold,
        spike.alert());
  }

  /** Forecast h intervals after the last update. */
  public Forecast forecast(int h) {
    return forecaster.forecast(h);
  }
}
