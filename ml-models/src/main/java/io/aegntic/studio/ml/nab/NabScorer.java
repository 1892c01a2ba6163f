package io.aegntic.studio.ml.nab;

import java.time.LocalDateTime;
import java.util.List;

/**
 * Scores one file's alerts against its labelled windows as NAB's sweeper does: the earliest alert
 * in a window earns A_TP times a scaled sigmoid of its position (1 at the window's left edge, 0 at
 * its right), later alerts in the same window count for nothing, a window with no alert costs A_FN,
 * and each alert outside windows costs A_FP, less if it comes soon after a window. Rows in the
 * probationary period are ignored.
 */
public final class NabScorer {
  private final NabProfile profile;

  public NabScorer(NabProfile profile) {
    this.profile = profile;
  }

  /** NAB's scaled sigmoid of a relative position (-1 left edge, 0 right edge, >0 after). */
  static double scaledSigmoid(double position) {
    if (position >= 3.0) {
      return -1.0;
    }
    return 2.0 / (1.0 + Math.exp(5.0 * position)) - 1.0;
  }

  public FileScore score(
      List<LocalDateTime> timestamps, boolean[] alerts, List<NabWindow> windowsInOrder) {
    if (timestamps.size() != alerts.length) {
      throw new IllegalArgumentException(
          timestamps.size() + " timestamps but " + alerts.length + " alerts");
    }
    int rows = timestamps.size();
    int[][] bounds = new int[windowsInOrder.size()][];
    for (int w = 0; w < bounds.length; w++) {
      bounds[w] = windowsInOrder.get(w).indexRange(timestamps);
    }
    int probationary = profile.probationaryRows(rows);
    double maxTp = scaledSigmoid(-1.0);
    double[] windowScore = new double[bounds.length];
    boolean[] scorable = new boolean[bounds.length];
    double fp = 0;
    int fpCount = 0;
    int next = 0;
    int current = -1;
    int prevRight = -1;
    double prevWidth = 0;
    for (int i = 0; i < rows; i++) {
      if (current < 0 && next < bounds.length && bounds[next] != null && i == bounds[next][0]) {
        current = next++;
      }
      while (current < 0 && next < bounds.length && bounds[next] == null) {
        next++;
      }
      double weighted;
      if (current >= 0) {
        double width = bounds[current][1] - bounds[current][0] + 1;
        weighted =
            scaledSigmoid(-(bounds[current][1] - i + 1) / width) * profile.tpWeight() / maxTp;
      } else {
        double past = prevRight < 0 ? 3.0 : Math.abs(prevRight - i) / (prevWidth - 1);
        weighted = scaledSigmoid(past) * profile.fpWeight();
      }
      if (i >= probationary) {
        if (current >= 0) {
          if (!scorable[current]) {
            scorable[current] = true;
            windowScore[current] = -profile.fnWeight();
          }
          if (alerts[i]) {
            windowScore[current] = Math.max(windowScore[current], weighted);
          }
        } else if (alerts[i]) {
          fp += weighted;
          fpCount++;
        }
      }
      if (current >= 0 && i == bounds[current][1]) {
        prevRight = i;
        prevWidth = bounds[current][1] - bounds[current][0] + 1;
        current = -1;
      }
    }
    double raw = fp;
    int counted = 0;
    int detected = 0;
    for (int w = 0; w < bounds.length; w++) {
      if (scorable[w]) {
        counted++;
        raw += windowScore[w];
        if (windowScore[w] > -profile.fnWeight()) {
          detected++;
        }
      }
    }
    return new FileScore(
        raw,
        -profile.fnWeight() * counted,
        profile.tpWeight() * counted,
        detected,
        counted - detected,
        fpCount);
  }

  /**
   * NAB's normalisation over a corpus: 100 * (raw - null) / (perfect - null), summed over files.
   */
  public static double normalised(List<FileScore> files) {
    double raw = 0;
    double nul = 0;
    double perfect = 0;
    for (FileScore f : files) {
      raw += f.raw();
      nul += f.nullRaw();
      perfect += f.perfectRaw();
    }
    if (perfect == nul) {
      throw new IllegalArgumentException("no scorable anomaly windows: the score is undefined");
    }
    return 100.0 * (raw - nul) / (perfect - nul);
  }

  /** Raw score of one file, the null and perfect detectors' raw scores, and the counts. */
  public record FileScore(
      double raw,
      double nullRaw,
      double perfectRaw,
      int detectedWindows,
      int missedWindows,
      int falsePositives) {}
}
