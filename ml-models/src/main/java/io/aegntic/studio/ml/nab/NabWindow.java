package io.aegntic.studio.ml.nab;

import java.time.LocalDateTime;
import java.util.List;

/** A labelled anomaly window, inclusive at both ends. */
public record NabWindow(LocalDateTime start, LocalDateTime end) {
  public NabWindow {
    if (end.isBefore(start)) {
      throw new IllegalArgumentException(
          "window ends (" + end + ") before it starts (" + start + ")");
    }
  }

  /** First and last row inside the window, or null if no row falls inside it. */
  int[] indexRange(List<LocalDateTime> timestamps) {
    int first = -1;
    int last = -1;
    for (int i = 0; i < timestamps.size(); i++) {
      LocalDateTime t = timestamps.get(i);
      if (!t.isBefore(start) && !t.isAfter(end)) {
        if (first < 0) {
          first = i;
        }
        last = i;
      }
    }
    return first < 0 ? null : new int[] {first, last};
  }
}
