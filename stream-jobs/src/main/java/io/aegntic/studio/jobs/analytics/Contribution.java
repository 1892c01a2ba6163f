package io.aegntic.studio.jobs.analytics;

import io.aegntic.studio.events.Platform;

/**
 * One additive piece of a metric, derived from an event: "3 likes on content c at t", "MRR is now
 * 4,900 EUR", "#launch used once". The windows add contributions up; {@code decay} is the
 * time-decay factor of the engagement score (1 when it does not apply); {@code label} is the
 * currency of a money amount, the hashtag, or a comment's text ({@code COMMENT_TEXT} before {@link
 * ScoreComments} gives it a sentiment, then one of the three {@code *_COMMENT} kinds with the
 * model's confidence as {@code amount}).
 */
record Contribution(
    String creatorId,
    Platform platform,
    String contentId,
    long timestamp,
    Kind kind,
    double amount,
    String label,
    double decay) {

  static Contribution of(
      String creatorId, Platform platform, String contentId, long timestamp, Kind kind, double n) {
    return new Contribution(creatorId, platform, contentId, timestamp, kind, n, null, 1.0);
  }

  Contribution withLabel(String newLabel) {
    return new Contribution(
        creatorId, platform, contentId, timestamp, kind, amount, newLabel, decay);
  }

  Contribution withDecay(double newDecay) {
    return new Contribution(
        creatorId, platform, contentId, timestamp, kind, amount, label, newDecay);
  }

  String key() {
    return EventKeys.of(creatorId, platform);
  }

  /** What a contribution adds to. Levels (followers, MRR) replace; the rest add. */
  enum Kind {
    LIKES,
    COMMENTS,
    SHARES,
    SAVES,
    VIEWS,
    IMPRESSIONS,
    HASHTAG,
    COMMENT_TEXT,
    NEGATIVE_COMMENT,
    NEUTRAL_COMMENT,
    POSITIVE_COMMENT,
    FOLLOWERS_LEVEL,
    FOLLOWERS_CHANGE,
    MRR_LEVEL,
    NEW_SUBSCRIPTIONS,
    CHURNED_SUBSCRIPTIONS,
    REFUNDS,
    REVENUE;

    boolean engagement() {
      return ordinal() <= IMPRESSIONS.ordinal();
    }

    /** A scored comment: {@code amount} is the model's confidence, {@code label} the text. */
    boolean sentiment() {
      return this == NEGATIVE_COMMENT || this == NEUTRAL_COMMENT || this == POSITIVE_COMMENT;
    }

    boolean audience() {
      return this == FOLLOWERS_LEVEL || this == FOLLOWERS_CHANGE;
    }

    boolean revenue() {
      return ordinal() >= MRR_LEVEL.ordinal();
    }
  }
}
