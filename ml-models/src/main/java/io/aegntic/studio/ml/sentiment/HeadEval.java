package io.aegntic.studio.ml.sentiment;

/** Scores a head on a split and chooses the per-class offsets that maximise macro recall. */
final class HeadEval {
  private static final double OFFSET_RANGE = 1.5;
  private static final double OFFSET_STEP = 0.05;

  private HeadEval() {}

  static double[][] rawLogits(SentimentHead head, float[][] x, int[][] buckets) {
    double[][] out = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      out[i] = head.rawLogits(head.hiddenOf(x[i]), buckets[i]);
    }
    return out;
  }

  static int[] argmax(double[][] logits, float[] offsets) {
    int[] out = new int[logits.length];
    for (int i = 0; i < logits.length; i++) {
      int best = 0;
      double bestValue = logits[i][0] + offsets[0];
      for (int c = 1; c < 3; c++) {
        double v = logits[i][c] + offsets[c];
        if (v > bestValue) {
          bestValue = v;
          best = c;
        }
      }
      out[i] = best;
    }
    return out;
  }

  static Recall recall(double[][] logits, float[] offsets, int[] labels) {
    return Recall.of(labels, argmax(logits, offsets));
  }

  /**
   * Grid search over the negative and positive offsets (neutral fixed at 0); ties go to the smaller
   * total shift, so the choice is deterministic.
   */
  static float[] tuneOffsets(double[][] logits, int[] labels) {
    float[] best = new float[3];
    double bestMacro = recall(logits, best, labels).macro();
    int steps = (int) Math.round(OFFSET_RANGE / OFFSET_STEP);
    for (int a = -steps; a <= steps; a++) {
      for (int b = -steps; b <= steps; b++) {
        float[] o = {(float) (a * OFFSET_STEP), 0f, (float) (b * OFFSET_STEP)};
        double macro = recall(logits, o, labels).macro();
        double shift = Math.abs(o[0]) + Math.abs(o[2]);
        double bestShift = Math.abs(best[0]) + Math.abs(best[2]);
        if (macro > bestMacro + 1e-9
            || (Math.abs(macro - bestMacro) <= 1e-9 && shift < bestShift)) {
          bestMacro = macro;
          best = o;
        }
      }
    }
    return best;
  }

  static SentimentHead copy(SentimentHead h) {
    return new SentimentHead(
        h.encoderSha256,
        h.hidden,
        h.hashBits,
        h.mean.clone(),
        h.std.clone(),
        h.w1.clone(),
        h.b1.clone(),
        h.w2.clone(),
        h.b2.clone(),
        h.ws == null ? null : h.ws.clone(),
        h.offsets.clone());
  }
}
