package io.aegntic.studio.events;

import java.io.IOException;

/**
 * Where {@link FastJsonWriter} writes a record: the fields in order, nulls already left out. Two
 * kinds: {@link Utf8JsonOut} writes bytes itself; Jackson's generator takes what it cannot.
 */
interface JsonOut {
  void startObject() throws IOException;

  void endObject() throws IOException;

  /** A field's name; its value follows (a string, a number, an object or an array). */
  void field(String name) throws IOException;

  void string(String value) throws IOException;

  void number(long value) throws IOException;

  void startArray() throws IOException;

  void endArray() throws IOException;
}
