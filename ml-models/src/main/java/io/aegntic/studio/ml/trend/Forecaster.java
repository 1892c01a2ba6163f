package io.aegntic.studio.ml.trend;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Incremental forecaster for counts per interval: a pool of simple exponential smoothers with
 * different smoothing constants (from slow, 0.05, to the naive forecast, 1.0), combined with
 * weights proportional to 1 / (recent mean absolute one-step error)^4. Noisy series lean on the
 * slow smoothers, series that move like a random walk on the fast ones, without per-series tuning.
 *
 * <p>{@link #update} takes one interval's value; {@link #forecast} gives the value h intervals
 * ahead with a 95% interval from the recent absolute one-step error (a robust scale, widened with
 * the horizon as for exponential smoothing). State is a few doubles per smoother; the class is
 * {@link Serializable} so a Flink job can keep it in keyed state.
 */
public final class Forecaster implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final double Z95 = 1.96;

  /** Mean absolute deviation to standard deviation for a normal distribution. */
  private static final double MAD_TO_SD = 1.2533;

  /** Smoothing constants of the pool; 1.0 is the naive forecast. */
  public static final double[] DEFAULT_ALPHAS = {0.05, 0.2, 0.5, 0.8, 1.0};

  private final double[] alphas;
  private final double errorDecay;
  private final double weightPower;
  private final double[] levels;
  private final double[] absErrors;
  private double combinedAbsError;
  private double minSeen = Double.POSITIVE_INFINITY;
  private long count;

  /**
   * @param alphas smoothing constants of the pooled smoothers, each in (0, 1]
   * @param errorDecay weight of the newest error in the running mean absolute errors (0, 1]
   * @param weightPower a smoother's weight is 1 / error^power
   */
  public Forecaster(double[] alphas, double errorDecay, double weightPower) {
    if (alphas.length == 0) {
      throw new IllegalArgumentException("at least one smoothing constant is needed");
    }
    for (double a : alphas) {
      if (!(a > 0 && a <= 1)) {
        throw new IllegalArgumentException("smoothing constants must be in (0, 1], got " + a);
      }
    }
    if (!(errorDecay > 0 && errorDecay <= 1) || !(weightPower >= 0)) {
      throw new IllegalArgumentException("errorDecay must be in (0, 1] and weightPower >= 0");
    }
    this.alphas = alphas.clone();
    this.errorDecay = errorDecay;
    this.weightPower = weightPower;
    this.levels = new double[alphas.length];
    this.absErrors = new double[alphas.length];
  }

  /** The parameter set evaluated on NAB realTweets (see MODEL_CARD.md). */
  public static Forecaster withDefaults() {
    return new Forecaster(DEFAULT_ALPHAS, 0.05, 4);
  }

  /** Adds the value of the next interval. */
  public void update(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("value must be finite, got " + value);
    }
    minSeen = Math.min(minSeen, value);
    if (count == 0) {
      Arrays.fill(levels, value);
      count = 1;
      return;
    }
    double combinedError = Math.abs(value - combined());
    double decay = Math.max(errorDecay, 1.0 / count);
    combinedAbsError += decay * (combinedError - combinedAbsError);
    for (int k = 0; k < alphas.length; k++) {
      double error = value - levels[k];
      absErrors[k] += decay * (Math.abs(error) - absErrors[k]);
      levels[k] += alphas[k] * error;
    }
    count++;
  }

  /** Forecast for the interval h steps after the last update (h >= 1). */
  public Forecast forecast(int h) {
    if (h < 1) {
      throw new IllegalArgumentException("horizon must be >= 1, got " + h);
    }
    if (count == 0) {
      return new Forecast(h, 0, 0, 0);
    }
    double mean = combined();
    double alpha = effectiveAlpha();
    double sd = MAD_TO_SD * combinedAbsError * Math.sqrt(1 + (h - 1) * alpha * alpha);
    double low = mean - Z95 * sd;
    double high = mean + Z95 * sd;
    if (minSeen >= 0) {
      low = Math.max(low, 0);
    }
    return new Forecast(h, mean, low, high);
  }

  /** Intervals seen so far. */
  public long count() {
    return count;
  }

  private double combined() {
    double[] w = weights();
    double sum = 0;
    for (int k = 0; k < levels.length; k++) {
      sum += w[k] * levels[k];
    }
    return sum;
  }

  private double effectiveAlpha() {
    double[] w = weights();
    double sum = 0;
    for (int k = 0; k < alphas.length; k++) {
      sum += w[k] * alphas[k];
    }
    return sum;
  }

  private double[] weights() {
    double[] w = new double[alphas.length];
    double best = Double.POSITIVE_INFINITY;
    for (double e : absErrors) {
      best = Math.min(best, e);
    }
    double total = 0;
    for (int k = 0; k < w.length; k++) {
      // Relative to the best error, so the power cannot underflow or overflow.
      double ratio = best > 0 ? absErrors[k] / best : (absErrors[k] > 0 ? Double.MAX_VALUE : 1);
      w[k] = ratio == Double.MAX_VALUE ? 0 : Math.pow(ratio, -weightPower);
      total += w[k];
    }
    for (int k = 0; k < w.length; k++) {
      w[k] /= total;
    }
    return w;
  }
}
