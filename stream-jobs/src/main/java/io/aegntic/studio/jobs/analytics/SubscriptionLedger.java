package io.aegntic.studio.jobs.analytics;

import io.aegntic.studio.events.EventPayload;
import io.aegntic.studio.events.EventType;
import io.aegntic.studio.events.StudioEvent;
import io.aegntic.studio.jobs.analytics.Contribution.Kind;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.util.Collector;

/**
 * A creator's subscriptions (keyed state, one entry per subscription) and what a change to one
 * contributes: a new or churned subscription, and the creator's MRR in that currency afterwards.
 * Statuses that bill count towards MRR; a change older than the last one seen is ignored.
 */
final class SubscriptionLedger {
  private static final Set<String> BILLING = Set.of("active", "trialing", "past_due");
  private final MapState<String, Readings.Subscription> subscriptions;

  SubscriptionLedger(MapState<String, Readings.Subscription> subscriptions) {
    this.subscriptions = subscriptions;
  }

  void apply(StudioEvent e, EventPayload.Subscription s, long t, Collector<Contribution> out)
      throws Exception {
    Readings.Subscription last = subscriptions.get(s.subscriptionId());
    if (last != null && t < last.changedAt) {
      return;
    }
    boolean wasActive = last != null && last.active;
    boolean active =
        e.type() != EventType.SUBSCRIPTION_DELETED && BILLING.contains(s.status().toLowerCase());
    String currency = s.monthlyAmount().currency();
    if (!wasActive && active) {
      out.collect(ToContributions.of(e, t, Kind.NEW_SUBSCRIPTIONS, 1).withLabel(currency));
    } else if (wasActive && !active) {
      out.collect(ToContributions.of(e, t, Kind.CHURNED_SUBSCRIPTIONS, 1).withLabel(currency));
    }
    Readings.Subscription next = new Readings.Subscription();
    next.changedAt = t;
    next.monthlyAmountMinor = s.monthlyAmount().amountMinor();
    next.currency = currency;
    next.active = active;
    subscriptions.put(s.subscriptionId(), next);
    out.collect(ToContributions.of(e, t, Kind.MRR_LEVEL, mrr(currency)).withLabel(currency));
  }

  private long mrr(String currency) throws Exception {
    long total = 0;
    for (Map.Entry<String, Readings.Subscription> entry : subscriptions.entries()) {
      Readings.Subscription sub = entry.getValue();
      if (sub.active && currency.equals(sub.currency)) {
        total += sub.monthlyAmountMinor;
      }
    }
    return total;
  }
}
