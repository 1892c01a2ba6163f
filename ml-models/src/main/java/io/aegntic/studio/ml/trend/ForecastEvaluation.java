package io.aegntic.studio.ml.trend;

import java.util.List;

/**
 * Rolling-origin evaluation of {@link Forecaster}: at each origin the forecaster has seen only the
 * past; its h-step error is compared with the naive forecast (last value) and the seasonal-naive
 * forecast (value one period earlier) on the same targets. MASE here is the ratio of mean absolute
 * errors, so below 1 means better than the benchmark. The first 15% of the series (at least one
 * period plus the horizon) is warm-up and not scored.
 */
public record ForecastEvaluation(
    int horizon, double maseNaive, double maseSeasonal, double coverage) {

  public static List<ForecastEvaluation> evaluate(double[] y, int period, int... horizons) {
    int maxH = 0;
    for (int h : horizons) {
      if (h < 1) {
        throw new IllegalArgumentException("horizon must be >= 1, got " + h);
      }
      maxH = Math.max(maxH, h);
    }
    int start = Math.max((int) (0.15 * y.length), Math.max(period, 1) + maxH);
    if (start + maxH >= y.length) {
      throw new IllegalArgumentException(
          "series too short to evaluate: "
              + y.length
              + " points, need more than "
              + (start + maxH));
    }
    int n = horizons.length;
    double[] model = new double[n];
    double[] naive = new double[n];
    double[] seasonal = new double[n];
    long[] covered = new long[n];
    long[] counted = new long[n];
    Forecaster forecaster = Forecaster.withDefaults();
    for (int t = 0; t < y.length; t++) {
      if (t >= start) {
        for (int k = 0; k < n; k++) {
          int h = horizons[k];
          int target = t + h - 1;
          if (target >= y.length) {
            continue;
          }
          Forecast f = forecaster.forecast(h);
          model[k] += Math.abs(y[target] - f.mean());
          naive[k] += Math.abs(y[target] - y[t - 1]);
          int m = period > 0 ? period : 1;
          int back = target - m * (int) Math.ceil((double) h / m);
          seasonal[k] += Math.abs(y[target] - y[back]);
          counted[k]++;
          if (y[target] >= f.low() && y[target] <= f.high()) {
            covered[k]++;
          }
        }
      }
      forecaster.update(y[t]);
    }
    ForecastEvaluation[] out = new ForecastEvaluation[n];
    for (int k = 0; k < n; k++) {
      out[k] =
          new ForecastEvaluation(
              horizons[k],
              ratio(model[k], naive[k]),
              ratio(model[k], seasonal[k]),
              counted[k] == 0 ? Double.NaN : (double) covered[k] / counted[k]);
    }
    return List.of(out);
  }

  private static double ratio(double a, double b) {
    return b == 0 ? (a == 0 ? 1 : Double.POSITIVE_INFINITY) : a / b;
  }
}
