package io.aegntic.studio.ingest.webhook.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import io.aegntic.studio.events.Money;
import io.aegntic.studio.ingest.webhook.Json;

/** A subscription's contribution to MRR: every item's price times quantity, per month. */
final class StripeAmounts {
  private StripeAmounts() {}

  static Money monthly(JsonNode subscription) {
    String currency = Json.text(subscription, "currency");
    double monthly = 0;
    boolean any = false;
    for (JsonNode item : Json.array(subscription.path("items"), "data")) {
      JsonNode price = item.has("price") ? item.get("price") : item.path("plan");
      long unit = Json.number(price, "unit_amount", Json.number(price, "amount", -1));
      if (unit < 0) {
        continue;
      }
      any = true;
      long quantity = Math.max(1, Json.number(item, "quantity", 1));
      JsonNode recurring = price.has("recurring") ? price.get("recurring") : price;
      String interval = Json.text(recurring, "interval");
      long count = Math.max(1, Json.number(recurring, "interval_count", 1));
      monthly += unit * quantity * perMonth(interval) / count;
      currency = currency != null ? currency : Json.text(price, "currency");
    }
    if (!any) {
      throw new IllegalArgumentException("subscription has no priced items");
    }
    return new Money(Math.round(monthly), currency);
  }

  private static double perMonth(String interval) {
    if (interval == null) {
      return 1;
    }
    return switch (interval) {
      case "day" -> 365.0 / 12;
      case "week" -> 52.0 / 12;
      case "year" -> 1.0 / 12;
      default -> 1;
    };
  }
}
