package io.aegntic.studio.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The one JSON serde for every record on the studio's topics. Times are ISO-8601 strings, nulls are
 * left out, unknown fields are ignored, and any failure becomes an {@link EventFormatException}
 * that says what is wrong.
 */
public final class EventJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .build();

  private EventJson() {}

  /** A copy of the configured mapper, for callers that need streaming or tree access. */
  public static ObjectMapper mapper() {
    return MAPPER.copy();
  }

  public static byte[] write(Object value) {
    if (value instanceof StudioEvent event) {
      return FastJsonWriter.write(event);
    }
    if (value instanceof DeadLetter letter) {
      return FastJsonWriter.write(letter);
    }
    return mapped(value);
  }

  /** {@code value} through the mapper's bean serialisation (what the fast writer must match). */
  static byte[] mapped(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  public static String writeString(Object value) {
    return new String(write(value), StandardCharsets.UTF_8);
  }

  public static <T> T read(byte[] json, Class<T> type) {
    if (json == null || json.length == 0) {
      throw new EventFormatException("empty " + type.getSimpleName() + " record", null, null);
    }
    try {
      return MAPPER.readValue(json, type);
    } catch (IOException | RuntimeException e) {
      throw explain(type, e);
    }
  }

  public static <T> T read(String json, Class<T> type) {
    return read(json == null ? null : json.getBytes(StandardCharsets.UTF_8), type);
  }

  private static EventFormatException explain(Class<?> type, Exception e) {
    String what = type.getSimpleName();
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof Require.MissingFieldException missing) {
        return new EventFormatException(what + ": " + missing.getMessage(), missing.field(), e);
      }
    }
    if (e instanceof StreamReadException) {
      return new EventFormatException(what + ": malformed JSON", null, e);
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IllegalArgumentException && t.getMessage() != null) {
        return new EventFormatException(what + ": " + t.getMessage(), null, e);
      }
    }
    String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int newline = detail.indexOf('\n');
    return new EventFormatException(
        what + ": " + (newline > 0 ? detail.substring(0, newline) : detail), null, e);
  }
}
