package io.aegntic.studio.ml.sentiment;

import java.util.Arrays;

/** One optimiser pass over the data for a {@link SentimentHead}: back-propagation and Adam. */
final class HeadSgd {
  private final SentimentHead head;
  private final HeadConfig config;
  private final double[] classWeight;
  private final float[] gw1;
  private final float[] gb1;
  private final float[] gw2;
  private final float[] gb2;
  private final float[] gws;
  private final Adam w1;
  private final Adam b1;
  private final Adam w2;
  private final Adam b2;
  private final Adam ws;
  private final boolean[] seen;
  private int[] touched = new int[1024];
  private int touchedCount;
  private int step;

  HeadSgd(SentimentHead head, HeadConfig config, double[] classWeight) {
    this.head = head;
    this.config = config;
    this.classWeight = classWeight;
    gw1 = new float[head.w1.length];
    gb1 = new float[head.b1.length];
    gw2 = new float[head.w2.length];
    gb2 = new float[3];
    gws = head.ws == null ? null : new float[head.ws.length];
    seen = head.ws == null ? null : new boolean[head.ws.length];
    w1 = new Adam(head.w1);
    b1 = new Adam(head.b1);
    w2 = new Adam(head.w2);
    b2 = new Adam(head.b2);
    ws = head.ws == null ? null : new Adam(head.ws);
  }

  /** Returns the mean weighted training loss of the pass. */
  double epoch(float[][] x, int[][] buckets, int[] labels, int[] order) {
    double loss = 0;
    int inBatch = 0;
    for (int i : order) {
      loss += accumulate(x[i], buckets[i], labels[i]);
      if (++inBatch == config.batch()) {
        apply();
        inBatch = 0;
      }
    }
    if (inBatch > 0) {
      apply();
    }
    return loss / order.length;
  }

  private double accumulate(float[] x, int[] bucketIds, int y) {
    float[] h = head.hiddenOf(x);
    double[] p = SentimentHead.softmax(head.rawLogits(h, bucketIds));
    double scale = classWeight[y] / config.batch();
    float[] g = new float[3];
    for (int c = 0; c < 3; c++) {
      g[c] = (float) (scale * (p[c] - (c == y ? 1 : 0)));
    }
    int width = h.length;
    for (int c = 0; c < 3; c++) {
      gb2[c] += g[c];
      int row = c * width;
      for (int j = 0; j < width; j++) {
        gw2[row + j] += g[c] * h[j];
      }
    }
    if (head.hidden > 0) {
      int in = x.length;
      for (int j = 0; j < width; j++) {
        if (h[j] <= 0) {
          continue;
        }
        float dh = g[0] * head.w2[j] + g[1] * head.w2[width + j] + g[2] * head.w2[2 * width + j];
        gb1[j] += dh;
        int row = j * in;
        for (int d = 0; d < in; d++) {
          gw1[row + d] += dh * x[d];
        }
      }
    }
    if (gws != null && bucketIds.length > 0) {
      int size = gws.length / 3;
      float v = (float) (1.0 / Math.sqrt(bucketIds.length));
      for (int b : bucketIds) {
        for (int c = 0; c < 3; c++) {
          int k = c * size + b;
          gws[k] += g[c] * v;
          if (!seen[k]) {
            seen[k] = true;
            if (touchedCount == touched.length) {
              touched = Arrays.copyOf(touched, touched.length * 2);
            }
            touched[touchedCount++] = k;
          }
        }
      }
    }
    return -classWeight[y] * Math.log(Math.max(p[y], 1e-12));
  }

  private void apply() {
    step++;
    double lr = config.learningRate();
    double decay = config.weightDecay();
    if (head.hidden > 0) {
      w1.step(gw1, step, lr, decay);
      b1.step(gb1, step, lr, 0);
    }
    w2.step(gw2, step, lr, decay);
    b2.step(gb2, step, lr, 0);
    if (ws != null) {
      ws.step(gws, touched, touchedCount, step, lr, decay);
      for (int k = 0; k < touchedCount; k++) {
        seen[touched[k]] = false;
      }
      touchedCount = 0;
    }
  }
}
