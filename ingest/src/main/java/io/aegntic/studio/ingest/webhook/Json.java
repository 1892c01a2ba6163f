package io.aegntic.studio.ingest.webhook;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aegntic.studio.events.EventJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Strict JSON parsing of webhook bodies and small tree helpers for the normalisers. */
public final class Json {
  private static final ObjectMapper MAPPER =
      EventJson.mapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private Json() {}

  /** Parses a body that must be a JSON object; 400 {@code malformed_json} otherwise. */
  public static JsonNode object(byte[] body) {
    JsonNode node;
    try {
      node = body.length == 0 ? null : MAPPER.readTree(body);
    } catch (JacksonException e) {
      throw WebhookException.badRequest("malformed_json", "the body is not valid JSON");
    } catch (IOException e) {
      throw WebhookException.badRequest("malformed_json", "the body could not be read as JSON");
    }
    if (node == null || !node.isObject()) {
      throw WebhookException.badRequest("malformed_json", "the body must be a JSON object");
    }
    return node;
  }

  /** A required text field of the envelope; 400 {@code invalid_payload} when absent. */
  public static String required(JsonNode node, String field) {
    String value = text(node, field);
    if (value == null) {
      throw WebhookException.badRequest("invalid_payload", "missing field '" + field + "'");
    }
    return value;
  }

  /** A text (or number as text) field, or null. */
  public static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || v.isNull() || v.isContainerNode()) {
      return null;
    }
    String s = v.asText();
    return s.isBlank() ? null : s;
  }

  /** A field at a path of object names, or null. */
  public static String path(JsonNode node, String... fields) {
    JsonNode n = node;
    for (int i = 0; i < fields.length - 1 && n != null; i++) {
      n = n.get(fields[i]);
    }
    return n == null ? null : text(n, fields[fields.length - 1]);
  }

  /** A long field, or the fallback. */
  public static long number(JsonNode node, String field, long fallback) {
    JsonNode v = node == null ? null : node.get(field);
    if (v != null && v.isTextual()) {
      try {
        return Long.parseLong(v.asText().trim());
      } catch (NumberFormatException e) {
        return fallback;
      }
    }
    return v != null && v.isIntegralNumber() && v.canConvertToLong() ? v.asLong() : fallback;
  }

  /** The elements of an array field (empty when absent or not an array). */
  public static List<JsonNode> array(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    List<JsonNode> out = new ArrayList<>();
    if (v != null && v.isArray()) {
      v.forEach(out::add);
    }
    return out;
  }

  /** The compact bytes of a node, for dead letters of single items. */
  public static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException("a parsed tree can always be written", e);
    }
  }
}
