package io.aegntic.studio.ingest.simulator;

import static io.aegntic.studio.ingest.simulator.Payloads.obj;

import io.aegntic.studio.events.DemoCreators;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A creator's Stripe activity: subscriptions created, renewed, changed, cancelled, refunded. */
final class DemoStripe {
  private static final long[] PRICES = {499, 999, 1999, 4999};

  private final DemoActivity activity;
  private final DemoCreators.Creator creator;
  private final DemoActivity.CreatorState state;
  private final Random random;

  DemoStripe(DemoActivity activity, DemoCreators.Creator creator) {
    this.activity = activity;
    this.creator = creator;
    this.state = activity.state(creator);
    this.random = activity.random();
  }

  record Sub(String id, String customer, long unitAmount, String interval, int quantity) {}

  record Charge(String id, long amount) {}

  Draft next(Instant now) {
    int roll = random.nextInt(100);
    List<Sub> subs = state.subscriptions;
    if (subs.isEmpty() || roll < 35) {
      long price = PRICES[random.nextInt(PRICES.length)];
      boolean yearly = random.nextInt(5) == 0;
      Sub sub =
          new Sub(
              "sub_" + activity.id(),
              "cus_" + activity.id(),
              yearly ? price * 10 : price,
              yearly ? "year" : "month",
              1);
      subs.add(sub);
      return event("customer.subscription.created", now, subscription(sub, "active"));
    }
    Sub sub = subs.get(random.nextInt(subs.size()));
    if (roll < 70) {
      Charge charge = new Charge("ch_" + activity.id(), sub.unitAmount() * sub.quantity());
      state.charges.add(charge);
      return event(
          "invoice.paid",
          now,
          obj(
              "id",
              "in_" + activity.id(),
              "object",
              "invoice",
              "customer",
              sub.customer(),
              "subscription",
              sub.id(),
              "charge",
              charge.id(),
              "amount_paid",
              charge.amount(),
              "currency",
              "usd",
              "status",
              "paid"));
    }
    if (roll < 82) {
      Sub changed =
          new Sub(sub.id(), sub.customer(), sub.unitAmount(), sub.interval(), sub.quantity() + 1);
      subs.set(subs.indexOf(sub), changed);
      return event("customer.subscription.updated", now, subscription(changed, "active"));
    }
    if (roll < 91 || state.charges.isEmpty()) {
      subs.remove(sub);
      return event("customer.subscription.deleted", now, subscription(sub, "canceled"));
    }
    Charge charge = state.charges.remove(random.nextInt(state.charges.size()));
    long refunded = random.nextBoolean() ? charge.amount() : charge.amount() / 2;
    return event(
        "charge.refunded",
        now,
        obj(
            "id",
            charge.id(),
            "object",
            "charge",
            "amount",
            charge.amount(),
            "amount_refunded",
            refunded,
            "currency",
            "usd",
            "refunded",
            refunded == charge.amount()));
  }

  private Map<String, Object> subscription(Sub sub, String status) {
    Map<String, Object> price =
        obj(
            "id",
            "price_" + sub.unitAmount() + sub.interval(),
            "currency",
            "usd",
            "unit_amount",
            sub.unitAmount(),
            "recurring",
            obj("interval", sub.interval(), "interval_count", 1));
    return obj(
        "id",
        sub.id(),
        "object",
        "subscription",
        "customer",
        sub.customer(),
        "currency",
        "usd",
        "status",
        status,
        "items",
        obj(
            "object",
            "list",
            "data",
            List.of(obj("id", "si_" + sub.id(), "price", price, "quantity", sub.quantity()))));
  }

  private Draft event(String type, Instant now, Object data) {
    byte[] body =
        Payloads.stripeEvent("evt_" + activity.id(), type, creator.stripeAccount(), now, data);
    return new Draft("stripe", "application/json", body, creator.id());
  }
}
