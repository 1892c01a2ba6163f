package io.aegntic.studio.ml.sentiment;

/** Per-class recall and their unweighted mean (TweetEval's official metric), in percent. */
public record Recall(double negative, double neutral, double positive) {

  public static Recall of(int[] truth, int[] predicted) {
    if (truth.length != predicted.length) {
      throw new IllegalArgumentException(
          truth.length + " labels but " + predicted.length + " predictions");
    }
    int[] hits = new int[3];
    int[] totals = new int[3];
    for (int i = 0; i < truth.length; i++) {
      totals[truth[i]]++;
      if (predicted[i] == truth[i]) {
        hits[truth[i]]++;
      }
    }
    return new Recall(pct(hits[0], totals[0]), pct(hits[1], totals[1]), pct(hits[2], totals[2]));
  }

  private static double pct(int hits, int total) {
    return total == 0 ? 0 : 100.0 * hits / total;
  }

  public double macro() {
    return (negative + neutral + positive) / 3;
  }
}
