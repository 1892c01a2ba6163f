package io.aegntic.studio.events;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** {@link JsonOut} on Jackson's generator: for what {@link Utf8JsonOut} leaves to it. */
record JacksonOut(JsonGenerator g) implements JsonOut {
  @Override
  public void startObject() throws IOException {
    g.writeStartObject();
  }

  @Override
  public void endObject() throws IOException {
    g.writeEndObject();
  }

  @Override
  public void field(String name) throws IOException {
    g.writeFieldName(name);
  }

  @Override
  public void string(String value) throws IOException {
    g.writeString(value);
  }

  @Override
  public void number(long value) throws IOException {
    g.writeNumber(value);
  }

  @Override
  public void startArray() throws IOException {
    g.writeStartArray();
  }

  @Override
  public void endArray() throws IOException {
    g.writeEndArray();
  }
}
