package io.aegntic.studio.jobs.analytics;

/**
 * The keyed-state records of {@link ToContributions} (Flink POJOs: public fields, no-arg). Fields
 * may be added (a restored older record gets Java's default, 0 for the {@code pending*} fields),
 * never renamed, retyped or moved to another class: Flink's POJO schema evolution rules.
 */
final class Readings {
  /** {@code takenAt} of a record that only holds pushed increments: no snapshot used yet. */
  static final long NO_SNAPSHOT = Long.MIN_VALUE;

  private Readings() {}

  /**
   * The last content snapshot used, with the time it was taken, and per counter the pushed
   * increments counted since then ({@link Pending}).
   */
  public static final class Content {
    public long takenAt;
    public Long views;
    public Long impressions;
    public Long likes;
    public Long comments;
    public Long shares;
    public Long saves;
    public long pendingViews;
    public long pendingLikes;
    public long pendingComments;
    public long pendingShares;
    public long pendingSaves;

    public Content() {}
  }

  /** The last follower count used, with the time it was read, and the net pushed follows since. */
  public static final class Followers {
    public long takenAt;
    public long followers;
    public long pending;

    public Followers() {}
  }

  /** A subscription's latest known state, kept after cancellation to reject stale updates. */
  public static final class Subscription {
    public long changedAt;
    public long monthlyAmountMinor;
    public String currency;
    public boolean active;

    public Subscription() {}
  }
}
