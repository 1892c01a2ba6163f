package io.aegntic.studio.jobs.analytics;

import io.aegntic.studio.events.MetricUpdate.Family;
import io.aegntic.studio.events.MetricUpdate.Scope;
import io.aegntic.studio.jobs.analytics.Contribution.Kind;
import java.util.Arrays;

/**
 * The running values of one series (family, scope, subject, currency) in one window: a Flink POJO
 * in {@link MinuteWindows}' keyed state. {@code dirty} = changed since last emitted; {@code fired}
 * = its final value went out, so any later change is a correction.
 */
public final class SeriesWindow {
  // The ids once, not a lower-casing per state key built.
  private static final String[] FAMILY_IDS =
      Arrays.stream(Family.values()).map(Family::id).toArray(String[]::new);
  private static final String[] SCOPE_IDS =
      Arrays.stream(Scope.values()).map(Scope::id).toArray(String[]::new);

  public long windowStart;
  public long windowEnd;
  public Family family;
  public Scope scope;
  public String subject;
  public String currency;

  public long likes;
  public long comments;
  public long shares;
  public long saves;
  public long views;
  public long impressions;
  public double weighted;
  public long mentions;

  public long followers = -1;
  public long followersAt = Long.MIN_VALUE;
  public long followersChange;

  public long mrr = -1;
  public long mrrAt = Long.MIN_VALUE;
  public long newSubscriptions;
  public long churnedSubscriptions;
  public long refunds;
  public long revenue;

  public long negative;
  public long neutral;
  public long positive;
  // The three latest comments by event time (newest first), for the sentiment labels.
  public String recent1;
  public String recent2;
  public String recent3;
  public long recentAt1 = Long.MIN_VALUE;
  public long recentAt2 = Long.MIN_VALUE;
  public long recentAt3 = Long.MIN_VALUE;

  public boolean dirty;
  public boolean fired;
  // Processing time of the last EARLY emission (MIN_VALUE: none yet).
  public long earlyAt = Long.MIN_VALUE;

  public SeriesWindow() {}

  static SeriesWindow open(
      long start, long end, Family family, Scope scope, String subject, String currency) {
    SeriesWindow w = new SeriesWindow();
    w.windowStart = start;
    w.windowEnd = end;
    w.family = family;
    w.scope = scope;
    w.subject = subject;
    w.currency = currency;
    return w;
  }

  private void recent(String text, long at) {
    if (at >= recentAt1) {
      recent3 = recent2;
      recentAt3 = recentAt2;
      recent2 = recent1;
      recentAt2 = recentAt1;
      recent1 = text;
      recentAt1 = at;
    } else if (at >= recentAt2) {
      recent3 = recent2;
      recentAt3 = recentAt2;
      recent2 = text;
      recentAt2 = at;
    } else if (at >= recentAt3) {
      recent3 = text;
      recentAt3 = at;
    }
  }

  /** The state key: window start (in decimal) plus the series. */
  static String key(String start, Family family, Scope scope, String subject, String currency) {
    return start
        + "/"
        + FAMILY_IDS[family.ordinal()]
        + "/"
        + SCOPE_IDS[scope.ordinal()]
        + "/"
        + subject
        + "/"
        + currency;
  }

  void add(Contribution c) {
    long n = Math.round(c.amount());
    switch (c.kind()) {
      case LIKES -> likes += n;
      case COMMENTS -> comments += n;
      case SHARES -> shares += n;
      case SAVES -> saves += n;
      case VIEWS -> views += n;
      case IMPRESSIONS -> impressions += n;
      case HASHTAG -> mentions += n;
      case FOLLOWERS_LEVEL -> {
        if (c.timestamp() >= followersAt) {
          followers = n;
          followersAt = c.timestamp();
        }
      }
      case FOLLOWERS_CHANGE -> followersChange += n;
      case MRR_LEVEL -> {
        if (c.timestamp() >= mrrAt) {
          mrr = n;
          mrrAt = c.timestamp();
        }
      }
      case NEW_SUBSCRIPTIONS -> newSubscriptions += n;
      case CHURNED_SUBSCRIPTIONS -> churnedSubscriptions += n;
      case REFUNDS -> refunds += n;
      case REVENUE -> revenue += n;
      case NEGATIVE_COMMENT -> negative++;
      case NEUTRAL_COMMENT -> neutral++;
      case POSITIVE_COMMENT -> positive++;
      default -> {}
    }
    if (c.kind().sentiment() && c.label() != null) {
      recent(c.label(), c.timestamp());
    }
    if (c.kind() != Kind.IMPRESSIONS && c.kind().engagement()) {
      weighted += EngagementScore.weight(c.kind()) * c.amount() * c.decay();
    }
  }
}
