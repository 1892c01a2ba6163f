package io.aegntic.studio.ml.nab;

/**
 * NAB cost weights; {@link #STANDARD} is NAB's standard profile (A_TP 1.0, A_FP 0.11, A_FN 1.0)
 * with the first 15% of each file (at most 750 rows) probationary.
 */
public record NabProfile(double tpWeight, double fpWeight, double fnWeight, double probation) {
  public static final NabProfile STANDARD = new NabProfile(1.0, 0.11, 1.0, 0.15);

  int probationaryRows(int rows) {
    return (int) Math.min(Math.floor(probation * rows), probation * 5000);
  }
}
