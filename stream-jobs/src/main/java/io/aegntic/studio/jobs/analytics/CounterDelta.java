package io.aegntic.studio.jobs.analytics;

/**
 * The change between two readings of a cumulative counter. A small drop is real (unlikes, views a
 * platform removed as spam) and gives a negative delta; a drop below half the previous reading is a
 * reset (the platform restarted the counter, a post was re-created), and then the new reading is
 * the delta.
 */
final class CounterDelta {
  private CounterDelta() {}

  /** Zero when either reading is missing: the platform does not report that counter. */
  static long between(Long previous, Long current) {
    if (previous == null || current == null) {
      return 0;
    }
    if (current < previous / 2) {
      return current;
    }
    return current - previous;
  }
}
