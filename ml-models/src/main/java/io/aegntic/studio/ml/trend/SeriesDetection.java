package io.aegntic.studio.ml.trend;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Runs a {@link SpikeDetector} over a whole series, as the CLI's detect command does. */
public final class SeriesDetection {
  private SeriesDetection() {}

  /** Scores each point from the points before it, with a daily profile when the step allows. */
  public static List<SpikeScore> detect(List<SeriesPoint> series) {
    SpikeDetector detector = SpikeDetector.forInterval(typicalStep(series));
    List<SpikeScore> out = new ArrayList<>(series.size());
    for (SeriesPoint p : series) {
      out.add(detector.update(p.value()));
    }
    return out;
  }

  /** Median gap between consecutive timestamps (zero for a single point). */
  public static Duration typicalStep(List<SeriesPoint> series) {
    List<Long> gaps = new ArrayList<>();
    for (int i = 1; i < series.size(); i++) {
      gaps.add(
          Duration.between(series.get(i - 1).timestamp(), series.get(i).timestamp()).getSeconds());
    }
    if (gaps.isEmpty()) {
      return Duration.ZERO;
    }
    Collections.sort(gaps);
    return Duration.ofSeconds(gaps.get(gaps.size() / 2));
  }
}
