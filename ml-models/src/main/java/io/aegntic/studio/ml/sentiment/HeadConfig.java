package io.aegntic.studio.ml.sentiment;

/**
 * Hyper-parameters of the sentiment head.
 *
 * @param hidden units in the hidden ReLU layer on the embedding; 0 makes the embedding part linear
 * @param hashBits log2 of the number of hashed lexical feature buckets; 0 turns them off
 * @param epochs maximum passes over the training data (the best epoch on val is kept)
 * @param learningRate Adam step size
 * @param weightDecay decoupled L2 weight decay per step
 * @param batch examples per update
 * @param seed seeds initial weights and the shuffling order
 */
public record HeadConfig(
    int hidden,
    int hashBits,
    int epochs,
    double learningRate,
    double weightDecay,
    int batch,
    long seed) {

  /** The configuration the committed artifact was trained with (chosen on val). */
  public static HeadConfig defaults() {
    return new HeadConfig(0, 17, 8, 1e-3, 3e-5, 32, 20260101L);
  }

  public HeadConfig {
    if (hidden < 0 || hashBits < 0 || epochs < 1 || batch < 1 || learningRate <= 0) {
      throw new IllegalArgumentException("invalid head configuration: " + this);
    }
  }
}
