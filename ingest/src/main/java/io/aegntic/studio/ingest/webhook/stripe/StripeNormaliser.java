package io.aegntic.studio.ingest.webhook.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import io.aegntic.studio.events.EventIds;
import io.aegntic.studio.events.EventPayload;
import io.aegntic.studio.events.EventType;
import io.aegntic.studio.events.Money;
import io.aegntic.studio.events.Platform;
import io.aegntic.studio.events.StudioEvent;
import io.aegntic.studio.ingest.webhook.Json;
import io.aegntic.studio.ingest.webhook.Normalised;
import io.aegntic.studio.ingest.webhook.Texts;
import io.aegntic.studio.ingest.webhook.WebhookContext;
import java.time.Instant;
import java.util.Optional;

/**
 * Maps Stripe events of a connected account ({@code account}): subscriptions created, updated and
 * deleted (with their monthly amount), paid invoices and refunded charges.
 */
final class StripeNormaliser {
  private static final Platform STRIPE = Platform.STRIPE;

  private final WebhookContext context;

  StripeNormaliser(WebhookContext context) {
    this.context = context;
  }

  Normalised normalise(byte[] body, Instant receivedAt) {
    JsonNode root = Json.object(body);
    String id = Json.required(root, "id");
    String type = Json.required(root, "type");
    JsonNode object = root.path("data").path("object");
    Normalised.Builder out = new Normalised.Builder();
    Optional<String> creator = context.creatorFor(STRIPE, Json.text(root, "account"));
    if (creator.isEmpty()) {
      return out.deadLetter(dead("unknown_account", "account not mapped", body, receivedAt))
          .build();
    }
    Instant created = Texts.epoch(Json.number(root, "created", 0), receivedAt);
    try {
      EventType eventType =
          switch (type) {
            case "customer.subscription.created" -> EventType.SUBSCRIPTION_CREATED;
            case "customer.subscription.updated" -> EventType.SUBSCRIPTION_UPDATED;
            case "customer.subscription.deleted" -> EventType.SUBSCRIPTION_DELETED;
            case "invoice.paid" -> EventType.INVOICE_PAID;
            case "charge.refunded" -> EventType.CHARGE_REFUNDED;
            default -> null;
          };
      if (eventType == null) {
        return out.deadLetter(dead("unsupported_event", type, body, receivedAt)).build();
      }
      String customer = context.actor(STRIPE, Json.text(object, "customer"));
      EventPayload payload =
          switch (eventType) {
            case INVOICE_PAID ->
                new EventPayload.Payment(
                    Json.text(object, "id"),
                    invoiceSubscription(object),
                    money(object, Json.number(object, "amount_paid", -1)));
            case CHARGE_REFUNDED ->
                new EventPayload.Refund(
                    Json.text(object, "id"),
                    money(object, Json.number(object, "amount_refunded", -1)));
            default ->
                new EventPayload.Subscription(
                    Json.text(object, "id"),
                    customer,
                    Json.text(object, "status"),
                    StripeAmounts.monthly(object));
          };
      out.event(
          StudioEvent.of(
              EventIds.of(STRIPE, id),
              eventType,
              STRIPE,
              creator.get(),
              null,
              customer,
              created,
              receivedAt,
              payload));
    } catch (IllegalArgumentException e) {
      out.deadLetter(dead("invalid_item", e.getMessage(), body, receivedAt));
    }
    return out.build();
  }

  private static String invoiceSubscription(JsonNode invoice) {
    String direct = Json.text(invoice, "subscription");
    // API versions from 2025 moved it under parent.subscription_details.
    return direct != null
        ? direct
        : Json.path(invoice, "parent", "subscription_details", "subscription");
  }

  private static Money money(JsonNode object, long amount) {
    if (amount < 0) {
      throw new IllegalArgumentException("missing amount");
    }
    return new Money(amount, Json.text(object, "currency"));
  }

  private io.aegntic.studio.events.DeadLetter dead(
      String reason, String detail, byte[] body, Instant receivedAt) {
    return context.deadLetter(STRIPE, reason, detail, body, receivedAt);
  }
}
