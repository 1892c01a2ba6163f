package io.aegntic.studio.jobs.analytics;

/**
 * Reconciles a snapshot's increase with the pushed increments already counted since the last
 * snapshot used ({@code pending}), so an engagement both pushed and polled is counted once. A
 * change in the direction of {@code pending} is what the pushed events already counted, up to
 * {@code pending}; only the rest is new. Content counters only have non-negative {@code pending};
 * followers have a net one (follows minus unfollows) and absorb drops the same way as rises.
 */
final class Pending {
  private Pending() {}

  /** What a snapshot with increase {@code inc} adds, and what stays pending after it. */
  record Step(long counted, long pending) {}

  static Step absorb(long inc, long pending) {
    if (inc > 0 && pending > 0) {
      return new Step(Math.max(0, inc - pending), Math.max(0, pending - inc));
    }
    if (inc < 0 && pending < 0) {
      return new Step(Math.min(0, inc - pending), Math.min(0, pending - inc));
    }
    return new Step(inc, pending); // nothing to reconcile: today's delta, pending kept
  }
}
