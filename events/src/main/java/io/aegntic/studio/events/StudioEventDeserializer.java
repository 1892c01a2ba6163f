package io.aegntic.studio.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.time.Instant;

/**
 * Reads a {@link StudioEvent}: the {@code type} field decides which payload record the {@code
 * payload} object is read as. Unknown fields are ignored so older readers accept newer writers.
 * Streams straight into the payload type (no intermediate tree: this runs once per event in the
 * analytics job); only a payload that comes before {@code type} is buffered.
 */
final class StudioEventDeserializer extends StdDeserializer<StudioEvent> {

  StudioEventDeserializer() {
    super(StudioEvent.class);
  }

  @Override
  public StudioEvent deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      t = p.nextToken();
    } else if (t != JsonToken.FIELD_NAME && t != JsonToken.END_OBJECT) {
      throw new IllegalArgumentException("a studio event must be a JSON object");
    }
    Fields f = new Fields();
    for (; t == JsonToken.FIELD_NAME; t = p.nextToken()) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      switch (name) {
        case "eventId" -> f.eventId = text(p, value);
        case "schemaVersion" -> f.schemaVersion = value == JsonToken.VALUE_NULL ? null : intOf(p);
        case "type" -> f.type = text(p, value);
        case "platform" -> f.platform = text(p, value);
        case "creatorId" -> f.creatorId = text(p, value);
        case "contentId" -> f.contentId = text(p, value);
        case "actorId" -> f.actorId = text(p, value);
        case "occurredAt" -> f.occurredAt = instant(p, ctxt, value);
        case "receivedAt" -> f.receivedAt = instant(p, ctxt, value);
        case "payload" -> payload(p, ctxt, value, f);
        default -> p.skipChildren();
      }
    }
    EventType type = EventType.of(required(f.type, "type"));
    required(f.payloadSeen, "payload");
    EventPayload payload = f.payload;
    if (f.payloadTokens != null) {
      try (JsonParser buffered = f.payloadTokens.asParserOnFirstToken()) {
        payload = ctxt.readValue(buffered, type.payloadType());
      }
    }
    return new StudioEvent(
        required(f.eventId, "eventId"),
        required(f.schemaVersion, "schemaVersion"),
        type,
        Platform.of(required(f.platform, "platform")),
        required(f.creatorId, "creatorId"),
        f.contentId,
        f.actorId,
        required(f.occurredAt, "occurredAt"),
        required(f.receivedAt, "receivedAt"),
        payload);
  }

  /** The payload, read as its type when {@code type} came first, else kept for later. */
  private static void payload(JsonParser p, DeserializationContext ctxt, JsonToken v, Fields f)
      throws IOException {
    if (v == JsonToken.VALUE_NULL) {
      return;
    }
    f.payloadSeen = Boolean.TRUE;
    if (f.type != null) {
      f.payload = ctxt.readValue(p, EventType.of(f.type).payloadType());
    } else {
      f.payloadTokens = ctxt.bufferAsCopyOfValue(p);
    }
  }

  private static <T> T required(T value, String field) {
    if (value == null) {
      throw new Require.MissingFieldException(field);
    }
    return value;
  }

  private static int intOf(JsonParser p) throws IOException {
    return p.currentToken().isScalarValue() ? p.getValueAsInt() : skipped(p, 0);
  }

  /** A field's value as text, like a tree's {@code asText()}: null only for JSON null. */
  private static String text(JsonParser p, JsonToken v) throws IOException {
    if (v == JsonToken.VALUE_NULL) {
      return null;
    }
    return v.isScalarValue() ? p.getValueAsString() : skipped(p, "");
  }

  private static Instant instant(JsonParser p, DeserializationContext ctxt, JsonToken v)
      throws IOException {
    if (v == JsonToken.VALUE_NULL) {
      return null;
    }
    if (v == JsonToken.VALUE_STRING) {
      Instant fast = IsoInstants.parseUtc(p.getText());
      if (fast != null) {
        return fast;
      }
    }
    return ctxt.readValue(p, Instant.class); // other forms, and the usual errors
  }

  private static <T> T skipped(JsonParser p, T value) throws IOException {
    p.skipChildren();
    return value;
  }

  /** The envelope's fields as they are read, in whatever order they come. */
  private static final class Fields {
    String eventId;
    Integer schemaVersion;
    String type;
    String platform;
    String creatorId;
    String contentId;
    String actorId;
    Instant occurredAt;
    Instant receivedAt;
    EventPayload payload;
    TokenBuffer payloadTokens;
    Boolean payloadSeen;
  }
}
