package io.aegntic.studio.ml.sentiment;

/** Per-dimension mean and standard deviation of embeddings, fitted on train only. */
final class Standardiser {
  private Standardiser() {}

  /** Returns {mean, std}. */
  static float[][] fit(float[][] rows) {
    int dim = rows[0].length;
    double[] sum = new double[dim];
    double[] sq = new double[dim];
    for (float[] r : rows) {
      for (int d = 0; d < dim; d++) {
        sum[d] += r[d];
        sq[d] += (double) r[d] * r[d];
      }
    }
    float[] mean = new float[dim];
    float[] std = new float[dim];
    for (int d = 0; d < dim; d++) {
      double m = sum[d] / rows.length;
      mean[d] = (float) m;
      std[d] = (float) Math.sqrt(Math.max(sq[d] / rows.length - m * m, 1e-8));
    }
    return new float[][] {mean, std};
  }

  static float[][] apply(SentimentHead head, float[][] rows) {
    float[][] out = new float[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      out[i] = head.standardise(rows[i]);
    }
    return out;
  }
}
