package io.aegntic.studio.ml.sentiment;

/** Adam with decoupled weight decay over one parameter array; can update a subset (lazy). */
final class Adam {
  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPS = 1e-8;
  private final float[] params;
  private final float[] m;
  private final float[] v;

  Adam(float[] params) {
    this.params = params;
    this.m = new float[params.length];
    this.v = new float[params.length];
  }

  /** Updates every parameter from its gradient, then zeroes the gradient. */
  void step(float[] grad, int t, double lr, double decay) {
    double lrT = lr * Math.sqrt(1 - Math.pow(BETA2, t)) / (1 - Math.pow(BETA1, t));
    for (int i = 0; i < params.length; i++) {
      update(i, grad[i], lrT, lr * decay);
      grad[i] = 0;
    }
  }

  /** Updates only the listed parameters (sparse features), then zeroes their gradients. */
  void step(float[] grad, int[] touched, int count, int t, double lr, double decay) {
    double lrT = lr * Math.sqrt(1 - Math.pow(BETA2, t)) / (1 - Math.pow(BETA1, t));
    for (int k = 0; k < count; k++) {
      int i = touched[k];
      update(i, grad[i], lrT, lr * decay);
      grad[i] = 0;
    }
  }

  private void update(int i, float g, double lrT, double decay) {
    m[i] = (float) (BETA1 * m[i] + (1 - BETA1) * g);
    v[i] = (float) (BETA2 * v[i] + (1 - BETA2) * g * g);
    params[i] -= (float) (lrT * m[i] / (Math.sqrt(v[i]) + EPS) + decay * params[i]);
  }
}
