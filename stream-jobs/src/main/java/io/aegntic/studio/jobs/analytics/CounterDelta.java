package io.aegntic.studio.jobs.analytics;

/**
 * The change between two readings of a cumulative counter. A small drop is real (unlikes, views a
 * platform removed as spam) and gives a negative delta; a drop to less than half the previous
 * reading, to zero included, is a reset (the platform restarted the counter, a post was
 * re-created), and then the new reading is the delta, never negative. A negative reading is a
 * broken poll: it changes nothing and is not kept.
 */
final class CounterDelta {
  private CounterDelta() {}

  /** Zero when either reading is missing: the platform does not report that counter. */
  static long between(Long previous, Long current) {
    if (previous == null || current == null || current < 0) {
      return 0;
    }
    long before = Math.max(0, previous);
    if (2 * current < before) {
      return current;
    }
    return current - before;
  }

  /** The reading to remember: the new one, unless it is broken (negative). */
  static Long kept(Long previous, Long current) {
    return current != null && current < 0 ? previous : current;
  }
}
