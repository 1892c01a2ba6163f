package io.aegntic.studio.events;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * JSON straight into a byte array, escaped exactly as Jackson's UTF-8 generator escapes by default:
 * {@code \"}, {@code \\}, the short escapes for backspace, tab, newline, form feed and carriage
 * return, a six-character unicode escape (upper-case hex) for the other control characters and for
 * each half of a surrogate pair (paired or not, as Jackson writes them), everything else as UTF-8.
 */
final class Utf8JsonOut {
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

  private byte[] buf = new byte[512];
  private int n;
  // Whether the open object or array still has no member: no comma before its first.
  private final boolean[] empty = new boolean[16];
  private int depth = -1;
  private boolean afterName;

  byte[] toByteArray() {
    return Arrays.copyOf(buf, n);
  }

  /** Empties it for the next record (one per thread is reused: a fresh buffer per record cost). */
  Utf8JsonOut reset() {
    n = 0;
    depth = -1;
    afterName = false;
    if (buf.length > 64 * 1024) {
      buf = new byte[512]; // do not keep a dead letter's large body
    }
    return this;
  }

  void startObject() {
    open('{');
  }

  void endObject() {
    close('}');
  }

  void startArray() {
    open('[');
  }

  void endArray() {
    close(']');
  }

  void field(String name) {
    separate();
    quoted(name);
    put(':');
    afterName = true;
  }

  void string(String value) {
    separate();
    quoted(value);
  }

  void number(long value) {
    separate();
    ascii(Long.toString(value));
  }

  private void open(char c) {
    separate();
    put(c);
    empty[++depth] = true;
  }

  private void close(char c) {
    put(c);
    depth--;
  }

  /** A comma before every member but an open container's first; none after a field's name. */
  private void separate() {
    if (afterName) {
      afterName = false;
    } else if (depth >= 0) {
      if (!empty[depth]) {
        put(',');
      }
      empty[depth] = false;
    }
  }

  private void quoted(String s) {
    int length = s.length();
    ensure(3 * length + 2); // a char takes at most 3 bytes unless escaped
    buf[n++] = '"';
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
        buf[n++] = (byte) c;
      } else if (c >= 0x80 && c < 0x800) {
        buf[n++] = (byte) (0xC0 | (c >> 6));
        buf[n++] = (byte) (0x80 | (c & 0x3F));
      } else if (c >= 0x800 && !Character.isSurrogate(c)) {
        buf[n++] = (byte) (0xE0 | (c >> 12));
        buf[n++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        buf[n++] = (byte) (0x80 | (c & 0x3F));
      } else {
        ensure(6 + 3 * (length - i)); // an escape takes up to 6
        escape(c);
      }
    }
    buf[n++] = '"';
  }

  /** A quote, backslash or control character, or a surrogate half, escaped as Jackson does. */
  private void escape(char c) {
    char shortForm =
        switch (c) {
          case '"' -> '"';
          case '\\' -> '\\';
          case '\b' -> 'b';
          case '\t' -> 't';
          case '\n' -> 'n';
          case '\f' -> 'f';
          case '\r' -> 'r';
          default -> 0;
        };
    buf[n++] = '\\';
    if (shortForm != 0) {
      buf[n++] = (byte) shortForm;
    } else {
      buf[n++] = 'u';
      buf[n++] = HEX[c >> 12];
      buf[n++] = HEX[(c >> 8) & 0xF];
      buf[n++] = HEX[(c >> 4) & 0xF];
      buf[n++] = HEX[c & 0xF];
    }
  }

  private void ascii(String s) {
    ensure(s.length());
    for (int i = 0; i < s.length(); i++) {
      buf[n++] = (byte) s.charAt(i);
    }
  }

  private void put(char c) {
    ensure(1);
    buf[n++] = (byte) c;
  }

  private void ensure(int more) {
    if (n + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + more));
    }
  }
}
