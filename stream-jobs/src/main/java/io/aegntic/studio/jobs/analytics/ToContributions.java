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
 *
 * <p>An engagement both pushed (webhook {@code like}, {@code comment}, {@code share}, {@code save},
 * {@code view}, {@code follow}/{@code unfollow}) and polled (in a later snapshot's counter) is
 * counted once: a pushed event counts at once and adds to the content's (or the follower count's)
 * {@code pending}; a snapshot's increase is first reconciled with it ({@link Pending}: only {@code
 * max(0, inc - pending)} is new, {@code pending} drops by {@code inc}; a drop or no change leaves
 * {@code pending} alone), and a baseline snapshot sets it to 0. A pushed event that happened no
 * later than the last snapshot used, which reported that counter, is already in that snapshot and
 * counts nothing. The totals thus converge to the platform's counter in any order (docs/metrics.md,
 * "Pushed and polled").
 */
final class ToContributions extends KeyedProcessFunction<String, StudioEvent, Contribution> {
  private static final long serialVersionUID = 1L;
  private static final Duration CONTENT_TTL = Duration.ofDays(30);
  private transient MapState<String, Readings.Content> contentReadings;
  private transient MapState<String, Long> publishedAt;
  private transient ValueState<Readings.Followers> followers;
  private transient SubscriptionLedger ledger;

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
      case LIKE -> pushed(e, Kind.LIKES, count(e), t, out);
      case SHARE -> pushed(e, Kind.SHARES, count(e), t, out);
      case SAVE -> pushed(e, Kind.SAVES, count(e), t, out);
      case VIEW -> pushed(e, Kind.VIEWS, count(e), t, out);
      case COMMENT -> {
        pushed(e, Kind.COMMENTS, 1, t, out);
        hashtags(e, ((EventPayload.Comment) e.payload()).hashtags(), t, out);
      }
      case MENTION -> hashtags(e, ((EventPayload.Comment) e.payload()).hashtags(), t, out);
      case FOLLOW -> pushedFollowers(e, count(e), t, out);
      case UNFOLLOW -> pushedFollowers(e, -count(e), t, out);
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

  /** A pushed increment: counted now and remembered as pending for the next snapshot. */
  private void pushed(StudioEvent e, Kind kind, long n, long t, Collector<Contribution> out)
      throws Exception {
    String content = e.contentId();
    if (content != null) {
      Readings.Content r = contentReadings.get(content);
      if (r == null) {
        r = new Readings.Content();
        r.takenAt = Readings.NO_SNAPSHOT;
      } else if (t <= r.takenAt && ContentCounters.reading(r, kind) != null) {
        return; // a late webhook: the snapshot used last already counted it
      }
      ContentCounters.setPending(r, kind, ContentCounters.pending(r, kind) + n);
      contentReadings.put(content, r);
    }
    engagement(e, kind, n, t, out);
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

  private void hashtags(StudioEvent e, Iterable<String> tags, long t, Collector<Contribution> out) {
    for (String tag : tags) {
      String stripped = tag.strip(); // one leading '#' off (no regex: compiled per call)
      String normal =
          (stripped.startsWith("#") ? stripped.substring(1) : stripped).toLowerCase(Locale.ROOT);
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
    boolean used = last != null && last.takenAt != Readings.NO_SNAPSHOT;
    // First reading: count from zero only if the job saw the post go live, else it is a baseline.
    Readings.Content from = used ? last : publishedAt.contains(e.contentId()) ? zeroes() : null;
    Readings.Content next = new Readings.Content();
    next.takenAt = t;
    for (Kind kind : ContentCounters.KINDS) {
      Long before = from == null ? null : ContentCounters.reading(from, kind);
      Long reading = ContentCounters.reading(now, kind);
      long pending = last == null ? 0 : ContentCounters.pending(last, kind);
      if (before == null) {
        pending = 0; // a baseline of this counter: it holds every pushed increment so far
      } else {
        Pending.Step step = Pending.absorb(CounterDelta.between(before, reading), pending);
        engagement(e, kind, step.counted(), t, out);
        pending = step.pending();
      }
      ContentCounters.setReading(next, kind, CounterDelta.kept(before, reading));
      ContentCounters.setPending(next, kind, pending);
    }
    contentReadings.put(e.contentId(), next);
  }

  private static Readings.Content zeroes() {
    Readings.Content zero = new Readings.Content();
    zero.views = zero.impressions = zero.likes = zero.comments = zero.shares = zero.saves = 0L;
    return zero;
  }

  /** A pushed follow (n > 0) or unfollow (n < 0), reconciled like a content counter. */
  private void pushedFollowers(StudioEvent e, long n, long t, Collector<Contribution> out)
      throws Exception {
    Readings.Followers r = followers.value();
    if (r == null) {
      r = new Readings.Followers();
      r.takenAt = Readings.NO_SNAPSHOT;
    } else if (t <= r.takenAt) {
      return; // a late webhook: the follower count used last already has it
    }
    r.pending += n;
    followers.update(r);
    out.collect(of(e, t, Kind.FOLLOWERS_CHANGE, n));
  }

  private void audienceSnapshot(StudioEvent e, long count, long t, Collector<Contribution> out)
      throws Exception {
    Readings.Followers last = followers.value();
    if (last != null && t <= last.takenAt) {
      return;
    }
    out.collect(of(e, t, Kind.FOLLOWERS_LEVEL, count));
    Readings.Followers next = new Readings.Followers();
    next.takenAt = t;
    next.followers = count;
    if (last != null && last.takenAt != Readings.NO_SNAPSHOT) {
      Pending.Step step = Pending.absorb(count - last.followers, last.pending);
      if (step.counted() != 0) {
        out.collect(of(e, t, Kind.FOLLOWERS_CHANGE, step.counted()));
      }
      next.pending = step.pending();
    } // else the first count is a baseline: it holds every pushed follow so far, pending 0
    followers.update(next);
  }

  private static long count(StudioEvent e) {
    return ((EventPayload.Interaction) e.payload()).count();
  }

  static Contribution of(StudioEvent e, long t, Kind kind, double n) {
    return Contribution.of(e.creatorId(), e.platform(), e.contentId(), t, kind, n);
  }
}
