package io.aegntic.studio.events;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;

/**
 * The envelope of every platform event on {@link Topics#EVENTS}. {@code eventId} is derived from
 * the platform's own ids ({@link EventIds}), so a redelivered webhook keeps its id; {@code
 * creatorId} is the tenant and the record key; {@code actorId} is hashed, never a raw user id.
 */
@JsonDeserialize(using = StudioEventDeserializer.class)
public record StudioEvent(
    String eventId,
    int schemaVersion,
    EventType type,
    Platform platform,
    String creatorId,
    String contentId,
    String actorId,
    Instant occurredAt,
    Instant receivedAt,
    EventPayload payload) {

  /** The schema version this code writes. Readers accept this and older versions. */
  public static final int SCHEMA_VERSION = 1;

  public StudioEvent {
    Require.text(eventId, "eventId");
    Require.present(type, "type");
    Require.present(platform, "platform");
    Require.text(creatorId, "creatorId");
    Require.present(occurredAt, "occurredAt");
    Require.present(receivedAt, "receivedAt");
    Require.present(payload, "payload");
    if (schemaVersion < 1 || schemaVersion > SCHEMA_VERSION) {
      throw new IllegalArgumentException("unsupported schemaVersion " + schemaVersion);
    }
    if (!type.payloadType().isInstance(payload)) {
      throw new IllegalArgumentException(
          "payload of a '" + type.id() + "' event must be " + type.payloadType().getSimpleName());
    }
  }

  /** An event of the current schema version. */
  public static StudioEvent of(
      String eventId,
      EventType type,
      Platform platform,
      String creatorId,
      String contentId,
      String actorId,
      Instant occurredAt,
      Instant receivedAt,
      EventPayload payload) {
    return new StudioEvent(
        eventId,
        SCHEMA_VERSION,
        type,
        platform,
        creatorId,
        contentId,
        actorId,
        occurredAt,
        receivedAt,
        payload);
  }
}
