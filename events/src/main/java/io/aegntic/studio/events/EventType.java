package io.aegntic.studio.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Every kind of platform event, each bound to the payload record it carries. */
public enum EventType {
  POST_PUBLISHED(EventPayload.PostPublished.class),
  LIKE(EventPayload.Interaction.class),
  SHARE(EventPayload.Interaction.class),
  SAVE(EventPayload.Interaction.class),
  VIEW(EventPayload.Interaction.class),
  FOLLOW(EventPayload.Interaction.class),
  UNFOLLOW(EventPayload.Interaction.class),
  COMMENT(EventPayload.Comment.class),
  MENTION(EventPayload.Comment.class),
  CONTENT_SNAPSHOT(EventPayload.ContentSnapshot.class),
  AUDIENCE_SNAPSHOT(EventPayload.AudienceSnapshot.class),
  SUBSCRIPTION_CREATED(EventPayload.Subscription.class),
  SUBSCRIPTION_UPDATED(EventPayload.Subscription.class),
  SUBSCRIPTION_DELETED(EventPayload.Subscription.class),
  INVOICE_PAID(EventPayload.Payment.class),
  CHARGE_REFUNDED(EventPayload.Refund.class);

  // Computed once: ids are written and compared for every event.
  private static final EventType[] ALL = values();
  private final Class<? extends EventPayload> payloadType;
  private final String id;

  EventType(Class<? extends EventPayload> payloadType) {
    this.payloadType = payloadType;
    this.id = name().toLowerCase(Locale.ROOT);
  }

  /** The payload record an event of this type carries. */
  public Class<? extends EventPayload> payloadType() {
    return payloadType;
  }

  @JsonValue
  public String id() {
    return id;
  }

  /** Parses a type id such as {@code "comment"}; throws naming the unknown value. */
  @JsonCreator
  public static EventType of(String id) {
    if (id != null) {
      for (EventType t : ALL) {
        if (t.id.equalsIgnoreCase(id)) {
          return t;
        }
      }
    }
    throw new IllegalArgumentException("unknown event type '" + id + "'");
  }
}
