package io.aegntic.studio.jobs.analytics;

/** The keyed-state records of {@link ToContributions} (Flink POJOs: public fields, no-arg). */
final class Readings {
  private Readings() {}

  /** The last content snapshot used, with the time it was taken. */
  public static final class Content {
    public long takenAt;
    public Long views;
    public Long impressions;
    public Long likes;
    public Long comments;
    public Long shares;
    public Long saves;

    public Content() {}
  }

  /** The last follower count used, with the time it was read. */
  public static final class Followers {
    public long takenAt;
    public long followers;

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
