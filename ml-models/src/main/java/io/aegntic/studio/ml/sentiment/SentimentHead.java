package io.aegntic.studio.ml.sentiment;

/**
 * The trained classifier on top of the MiniLM embedding: standardised embedding through an optional
 * ReLU layer, plus a linear model over hashed lexical features, plus per-class offsets chosen on
 * val for macro recall; softmax over the three classes.
 */
final class SentimentHead {
  static final int CLASSES = 3;

  final String encoderSha256;
  final int hidden;
  final int hashBits;
  final float[] mean;
  final float[] std;
  final float[] w1;
  final float[] b1;
  final float[] w2;
  final float[] b2;
  final float[] ws;
  final float[] offsets;
  private final TextFeatures features;

  SentimentHead(
      String encoderSha256,
      int hidden,
      int hashBits,
      float[] mean,
      float[] std,
      float[] w1,
      float[] b1,
      float[] w2,
      float[] b2,
      float[] ws,
      float[] offsets) {
    this.encoderSha256 = encoderSha256;
    this.hidden = hidden;
    this.hashBits = hashBits;
    this.mean = mean;
    this.std = std;
    this.w1 = w1;
    this.b1 = b1;
    this.w2 = w2;
    this.b2 = b2;
    this.ws = ws;
    this.offsets = offsets;
    this.features = hashBits > 0 ? new TextFeatures(hashBits) : null;
  }

  int inputWidth() {
    return hidden > 0 ? hidden : mean.length;
  }

  int[] buckets(String text) {
    return features == null ? new int[0] : features.buckets(text);
  }

  /** Standardised embedding. */
  float[] standardise(float[] embedding) {
    float[] x = new float[mean.length];
    for (int d = 0; d < x.length; d++) {
      x[d] = (embedding[d] - mean[d]) / std[d];
    }
    return x;
  }

  /** Hidden activations (or the standardised input when there is no hidden layer). */
  float[] hiddenOf(float[] x) {
    if (hidden == 0) {
      return x;
    }
    float[] h = new float[hidden];
    int in = x.length;
    for (int j = 0; j < hidden; j++) {
      double s = b1[j];
      int row = j * in;
      for (int d = 0; d < in; d++) {
        s += w1[row + d] * x[d];
      }
      h[j] = s > 0 ? (float) s : 0f;
    }
    return h;
  }

  /** Logits before the offsets. */
  double[] rawLogits(float[] h, int[] buckets) {
    double[] z = new double[CLASSES];
    int width = h.length;
    double v = buckets.length == 0 ? 0 : 1.0 / Math.sqrt(buckets.length);
    int size = ws == null ? 0 : ws.length / CLASSES;
    for (int c = 0; c < CLASSES; c++) {
      double s = b2[c];
      int row = c * width;
      for (int j = 0; j < width; j++) {
        s += w2[row + j] * h[j];
      }
      for (int b : buckets) {
        s += v * ws[c * size + b];
      }
      z[c] = s;
    }
    return z;
  }

  double[] probabilities(float[] embedding, String text) {
    double[] z = rawLogits(hiddenOf(standardise(embedding)), buckets(text));
    for (int c = 0; c < CLASSES; c++) {
      z[c] += offsets[c];
    }
    return softmax(z);
  }

  static double[] softmax(double[] z) {
    double max = Math.max(z[0], Math.max(z[1], z[2]));
    double[] p = new double[z.length];
    double sum = 0;
    for (int c = 0; c < z.length; c++) {
      p[c] = Math.exp(z[c] - max);
      sum += p[c];
    }
    for (int c = 0; c < z.length; c++) {
      p[c] /= sum;
    }
    return p;
  }
}
