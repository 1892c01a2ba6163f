package io.aegntic.studio.ml.sentiment;

import java.io.Serializable;

/**
 * One comment's predicted sentiment: the most probable label, its probability as confidence, and
 * the probability of each class (they sum to 1).
 */
public record Sentiment(
    SentimentLabel label, double confidence, double negative, double neutral, double positive)
    implements Serializable {

  static Sentiment of(double[] probabilities) {
    int best = 0;
    for (int c = 1; c < probabilities.length; c++) {
      if (probabilities[c] > probabilities[best]) {
        best = c;
      }
    }
    return new Sentiment(
        SentimentLabel.ofId(best),
        probabilities[best],
        probabilities[0],
        probabilities[1],
        probabilities[2]);
  }

  /** Probabilities indexed by label id. */
  public double[] probabilities() {
    return new double[] {negative, neutral, positive};
  }

  /** Expected polarity in [-1, 1]: P(positive) - P(negative). */
  public double polarity() {
    return positive - negative;
  }
}
