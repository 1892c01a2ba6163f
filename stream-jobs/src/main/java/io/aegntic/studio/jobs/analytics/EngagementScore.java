package io.aegntic.studio.jobs.analytics;

import java.time.Duration;

/**
 * The project's own engagement score (not an industry standard; see docs/metrics.md). Each
 * interaction is weighted by how much effort it shows, decayed by the age of the content it is on,
 * and the sum is mapped onto 0..100 with a saturating curve.
 */
final class EngagementScore {
  static final double VIEW = 0.1;
  static final double LIKE = 1;
  static final double COMMENT = 3;
  static final double SAVE = 4;
  static final double SHARE = 5;

  /** Engagement on content this old counts half. */
  static final Duration HALF_LIFE = Duration.ofHours(24);

  /** The weighted sum at which the score reaches 63 (1 - 1/e of 100). */
  static final double SCALE = 50;

  private EngagementScore() {}

  static double weight(Contribution.Kind kind) {
    return switch (kind) {
      case VIEWS -> VIEW;
      case LIKES -> LIKE;
      case COMMENTS -> COMMENT;
      case SAVES -> SAVE;
      case SHARES -> SHARE;
      default -> 0;
    };
  }

  /** The decay factor for engagement at {@code at} on content published at {@code publishedAt}. */
  static double decay(long publishedAt, long at) {
    long age = Math.max(0, at - publishedAt);
    return Math.pow(0.5, (double) age / HALF_LIFE.toMillis());
  }

  /** Maps a window's weighted, decayed sum onto 0..100. */
  static double score(double weightedSum) {
    return weightedSum <= 0 ? 0 : 100 * (1 - Math.exp(-weightedSum / SCALE));
  }
}
