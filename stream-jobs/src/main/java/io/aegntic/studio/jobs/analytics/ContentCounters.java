package io.aegntic.studio.jobs.analytics;

import io.aegntic.studio.events.EventPayload.ContentSnapshot;
import io.aegntic.studio.jobs.analytics.Contribution.Kind;
import java.util.List;

/** Per-counter access to {@link Readings.Content} and snapshots, so each counter is one loop. */
final class ContentCounters {
  /** The counters of a content snapshot, in the order their deltas are emitted. */
  static final List<Kind> KINDS =
      List.of(Kind.VIEWS, Kind.IMPRESSIONS, Kind.LIKES, Kind.COMMENTS, Kind.SHARES, Kind.SAVES);

  private ContentCounters() {}

  static Long reading(ContentSnapshot s, Kind kind) {
    return switch (kind) {
      case VIEWS -> s.views();
      case IMPRESSIONS -> s.impressions();
      case LIKES -> s.likes();
      case COMMENTS -> s.comments();
      case SHARES -> s.shares();
      case SAVES -> s.saves();
      default -> throw new IllegalArgumentException("not a content counter: " + kind);
    };
  }

  static Long reading(Readings.Content r, Kind kind) {
    return switch (kind) {
      case VIEWS -> r.views;
      case IMPRESSIONS -> r.impressions;
      case LIKES -> r.likes;
      case COMMENTS -> r.comments;
      case SHARES -> r.shares;
      case SAVES -> r.saves;
      default -> throw new IllegalArgumentException("not a content counter: " + kind);
    };
  }

  static void setReading(Readings.Content r, Kind kind, Long value) {
    switch (kind) {
      case VIEWS -> r.views = value;
      case IMPRESSIONS -> r.impressions = value;
      case LIKES -> r.likes = value;
      case COMMENTS -> r.comments = value;
      case SHARES -> r.shares = value;
      case SAVES -> r.saves = value;
      default -> throw new IllegalArgumentException("not a content counter: " + kind);
    }
  }

  /** Impressions are never pushed: always 0. */
  static long pending(Readings.Content r, Kind kind) {
    return switch (kind) {
      case VIEWS -> r.pendingViews;
      case LIKES -> r.pendingLikes;
      case COMMENTS -> r.pendingComments;
      case SHARES -> r.pendingShares;
      case SAVES -> r.pendingSaves;
      default -> 0;
    };
  }

  static void setPending(Readings.Content r, Kind kind, long value) {
    switch (kind) {
      case VIEWS -> r.pendingViews = value;
      case LIKES -> r.pendingLikes = value;
      case COMMENTS -> r.pendingComments = value;
      case SHARES -> r.pendingShares = value;
      case SAVES -> r.pendingSaves = value;
      default -> {} // impressions: no pushed events to reconcile
    }
  }
}
