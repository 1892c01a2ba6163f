package io.aegntic.studio.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.time.Instant;

/**
 * Reads a {@link StudioEvent}: the {@code type} field decides which payload record the {@code
 * payload} object is read as. Unknown fields are ignored so older readers accept newer writers.
 */
final class StudioEventDeserializer extends StdDeserializer<StudioEvent> {

  StudioEventDeserializer() {
    super(StudioEvent.class);
  }

  @Override
  public StudioEvent deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonNode node = ctxt.readTree(p);
    if (!node.isObject()) {
      throw new IllegalArgumentException("a studio event must be a JSON object");
    }
    EventType type = EventType.of(text(node, "type"));
    JsonNode payload = required(node, "payload");
    return new StudioEvent(
        text(node, "eventId"),
        required(node, "schemaVersion").asInt(),
        type,
        Platform.of(text(node, "platform")),
        text(node, "creatorId"),
        optionalText(node, "contentId"),
        optionalText(node, "actorId"),
        ctxt.readTreeAsValue(required(node, "occurredAt"), Instant.class),
        ctxt.readTreeAsValue(required(node, "receivedAt"), Instant.class),
        ctxt.readTreeAsValue(payload, type.payloadType()));
  }

  private static JsonNode required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new Require.MissingFieldException(field);
    }
    return value;
  }

  private static String text(JsonNode node, String field) {
    return required(node, field).asText();
  }

  private static String optionalText(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
