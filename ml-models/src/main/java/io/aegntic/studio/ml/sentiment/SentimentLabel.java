package io.aegntic.studio.ml.sentiment;

/** The three TweetEval classes, in label order (0 negative, 1 neutral, 2 positive). */
public enum SentimentLabel {
  NEGATIVE(-1),
  NEUTRAL(0),
  POSITIVE(1);

  private final int polarity;

  SentimentLabel(int polarity) {
    this.polarity = polarity;
  }

  /** -1, 0 or +1: what the job averages into mean_polarity. */
  public int polarity() {
    return polarity;
  }

  /** The TweetEval label id (0, 1, 2). */
  public int id() {
    return ordinal();
  }

  public static SentimentLabel ofId(int id) {
    if (id < 0 || id >= values().length) {
      throw new IllegalArgumentException("sentiment label must be 0, 1 or 2, got " + id);
    }
    return values()[id];
  }
}
