package io.aegntic.studio.jobs.analytics;

import io.aegntic.studio.events.EventPayload;
import io.aegntic.studio.events.StudioEvent;
import io.aegntic.studio.jobs.analytics.Contribution.Kind;
import java.time.Duration;
import java.util.Locale;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Turns each event of one creator on one platform into {@link Contribution}s. Stateful where the
 * platforms give levels, not changes: polled content counters become deltas per (content, counter),
 * follower counts become changes, and Stripe subscription states become new/churned counts and the
 * current MRR. A snapshot older than the last one used for the same thing is ignored.
 */
final class ToContributions extends KeyedProcessFunction<String, StudioEvent, Contribution> {
  private static final long serialVersionUID = 1L;
  private static final Duration CONTENT_TTL = Duration.ofDays(30);
  private transient MapState<String, Readings.Content> contentReadings;
  private transient MapState<String, Long> publishedAt;
  private transient ValueState<Readings.Followers> followers;
  private transient SubscriptionLedger ledger;
  private final boolean commentTexts;

  /** Without comment texts: for a job that does not score sentiment. */
  ToContributions() {
    this(false);
  }

  /** {@code commentTexts}: also emit each comment's and mention's text for sentiment scoring. */
  ToContributions(boolean commentTexts) {
    this.commentTexts = commentTexts;
  }

  @Override
  public void open(OpenContext context) {
    // Expired entries go on read and from snapshots; background cleanup of a heap map state would
    // scan a creator's whole map on every access.
    StateTtlConfig ttl =
        StateTtlConfig.newBuilder(CONTENT_TTL)
            .updateTtlOnCreateAndWrite()
            .disableCleanupInBackground()
            .cleanupFullSnapshot()
            .build();
    MapStateDescriptor<String, Readings.Content> readings =
        new MapStateDescriptor<>(
            "content-readings", Types.STRING, TypeInformation.of(Readings.Content.class));
    readings.enableTimeToLive(ttl);
    contentReadings = getRuntimeContext().getMapState(readings);
    MapStateDescriptor<String, Long> published =
        new MapStateDescriptor<>("content-published-at", Types.STRING, Types.LONG);
    published.enableTimeToLive(ttl);
    publishedAt = getRuntimeContext().getMapState(published);
    followers =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>(
                    "follower-reading", TypeInformation.of(Readings.Followers.class)));
    ledger =
        new SubscriptionLedger(
            getRuntimeContext()
                .getMapState(
                    new MapStateDescriptor<>(
                        "subscriptions",
                        Types.STRING,
                        TypeInformation.of(Readings.Subscription.class))));
  }

  @Override
  public void processElement(StudioEvent e, Context ctx, Collector<Contribution> out)
      throws Exception {
    long t = e.occurredAt().toEpochMilli();
    switch (e.type()) {
      case POST_PUBLISHED -> {
        if (e.contentId() != null) {
          publishedAt.put(e.contentId(), t);
        }
        hashtags(e, ((EventPayload.PostPublished) e.payload()).hashtags(), t, out);
      }
      case LIKE -> engagement(e, Kind.LIKES, count(e), t, out);
      case SHARE -> engagement(e, Kind.SHARES, count(e), t, out);
      case SAVE -> engagement(e, Kind.SAVES, count(e), t, out);
      case VIEW -> engagement(e, Kind.VIEWS, count(e), t, out);
      case COMMENT -> {
        engagement(e, Kind.COMMENTS, 1, t, out);
        hashtags(e, ((EventPayload.Comment) e.payload()).hashtags(), t, out);
        commentText(e, t, out);
      }
      case MENTION -> {
        hashtags(e, ((EventPayload.Comment) e.payload()).hashtags(), t, out);
        commentText(e, t, out);
      }
      case FOLLOW -> out.collect(of(e, t, Kind.FOLLOWERS_CHANGE, count(e)));
      case UNFOLLOW -> out.collect(of(e, t, Kind.FOLLOWERS_CHANGE, -count(e)));
      case CONTENT_SNAPSHOT ->
          contentSnapshot(e, (EventPayload.ContentSnapshot) e.payload(), t, out);
      case AUDIENCE_SNAPSHOT ->
          audienceSnapshot(e, ((EventPayload.AudienceSnapshot) e.payload()).followers(), t, out);
      case SUBSCRIPTION_CREATED, SUBSCRIPTION_UPDATED, SUBSCRIPTION_DELETED ->
          ledger.apply(e, (EventPayload.Subscription) e.payload(), t, out);
      case INVOICE_PAID -> {
        var amount = ((EventPayload.Payment) e.payload()).amount();
        out.collect(of(e, t, Kind.REVENUE, amount.amountMinor()).withLabel(amount.currency()));
      }
      case CHARGE_REFUNDED -> {
        var amount = ((EventPayload.Refund) e.payload()).amount();
        out.collect(of(e, t, Kind.REFUNDS, amount.amountMinor()).withLabel(amount.currency()));
      }
    }
  }

  private void engagement(StudioEvent e, Kind kind, long n, long t, Collector<Contribution> out)
      throws Exception {
    if (n == 0) {
      return;
    }
    Long published = e.contentId() == null ? null : publishedAt.get(e.contentId());
    double decay = published == null ? 1.0 : EngagementScore.decay(published, t);
    out.collect(of(e, t, kind, n).withDecay(decay));
  }

  private void commentText(StudioEvent e, long t, Collector<Contribution> out) {
    String text = ((EventPayload.Comment) e.payload()).text();
    if (commentTexts && text != null && !text.isBlank()) {
      out.collect(of(e, t, Kind.COMMENT_TEXT, 1).withLabel(text));
    }
  }

  private void hashtags(StudioEvent e, Iterable<String> tags, long t, Collector<Contribution> out) {
    for (String tag : tags) {
      String normal = tag.strip().replaceFirst("^#", "").toLowerCase(Locale.ROOT);
      if (!normal.isEmpty()) {
        out.collect(of(e, t, Kind.HASHTAG, 1).withLabel(normal));
      }
    }
  }

  private void contentSnapshot(
      StudioEvent e, EventPayload.ContentSnapshot now, long t, Collector<Contribution> out)
      throws Exception {
    if (e.contentId() == null) {
      return;
    }
    Readings.Content last = contentReadings.get(e.contentId());
    if (last != null && t <= last.takenAt) {
      return; // an older (or the same) snapshot arriving late: the newer one already counted
    }
    if (last == null) {
      // First reading: count from zero only if the job saw the post go live, else it is a baseline.
      last = publishedAt.contains(e.contentId()) ? zeroes() : null;
    }
    if (last != null) {
      engagement(e, Kind.VIEWS, CounterDelta.between(last.views, now.views()), t, out);
      engagement(
          e, Kind.IMPRESSIONS, CounterDelta.between(last.impressions, now.impressions()), t, out);
      engagement(e, Kind.LIKES, CounterDelta.between(last.likes, now.likes()), t, out);
      engagement(e, Kind.COMMENTS, CounterDelta.between(last.comments, now.comments()), t, out);
      engagement(e, Kind.SHARES, CounterDelta.between(last.shares, now.shares()), t, out);
      engagement(e, Kind.SAVES, CounterDelta.between(last.saves, now.saves()), t, out);
    }
    Readings.Content before = last == null ? new Readings.Content() : last;
    Readings.Content next = new Readings.Content();
    next.takenAt = t;
    next.views = CounterDelta.kept(before.views, now.views());
    next.impressions = CounterDelta.kept(before.impressions, now.impressions());
    next.likes = CounterDelta.kept(before.likes, now.likes());
    next.comments = CounterDelta.kept(before.comments, now.comments());
    next.shares = CounterDelta.kept(before.shares, now.shares());
    next.saves = CounterDelta.kept(before.saves, now.saves());
    contentReadings.put(e.contentId(), next);
  }

  private static Readings.Content zeroes() {
    Readings.Content zero = new Readings.Content();
    zero.views = zero.impressions = zero.likes = zero.comments = zero.shares = zero.saves = 0L;
    return zero;
  }

  private void audienceSnapshot(StudioEvent e, long count, long t, Collector<Contribution> out)
      throws Exception {
    Readings.Followers last = followers.value();
    if (last != null && t <= last.takenAt) {
      return;
    }
    out.collect(of(e, t, Kind.FOLLOWERS_LEVEL, count));
    if (last != null && count != last.followers) {
      out.collect(of(e, t, Kind.FOLLOWERS_CHANGE, count - last.followers));
    }
    Readings.Followers next = new Readings.Followers();
    next.takenAt = t;
    next.followers = count;
    followers.update(next);
  }

  private static long count(StudioEvent e) {
    return ((EventPayload.Interaction) e.payload()).count();
  }

  static Contribution of(StudioEvent e, long t, Kind kind, double n) {
    return Contribution.of(e.creatorId(), e.platform(), e.contentId(), t, kind, n);
  }
}
