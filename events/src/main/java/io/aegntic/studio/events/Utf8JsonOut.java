package io.aegntic.studio.events;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * JSON straight into a byte array, escaped exactly as Jackson's UTF-8 generator escapes by default:
 * {@code \"}, {@code \\}, the short escapes for backspace, tab, newline, form feed and carriage
 * return, a six-character unicode escape (upper-case hex) for the other control characters,
 * everything else as UTF-8. A string with a surrogate is refused ({@link Surrogate}); the caller
 * writes that record with Jackson, which encodes a pair and has its own way with a lone half.
 */
final class Utf8JsonOut implements JsonOut {
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

  /** Thrown, without a stack, for a string this writer leaves to Jackson. */
  static final class Surrogate extends RuntimeException {
    static final Surrogate INSTANCE = new Surrogate();

    private Surrogate() {
      super("a string with a surrogate", null, false, false);
    }
  }

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

  @Override
  public void startObject() {
    open('{');
  }

  @Override
  public void endObject() {
    close('}');
  }

  @Override
  public void startArray() {
    open('[');
  }

  @Override
  public void endArray() {
    close(']');
  }

  @Override
  public void field(String name) {
    separate();
    quoted(name);
    put(':');
    afterName = true;
  }

  @Override
  public void string(String value) {
    separate();
    quoted(value);
  }

  @Override
  public void number(long value) {
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
    ensure(3 * length + 2); // every char but an escape takes at most 3 bytes
    buf[n++] = '"';
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        if (c >= 0x20 && c != '"' && c != '\\') {
          buf[n++] = (byte) c;
        } else {
          ensure(6 + 3 * (length - i)); // an escape takes up to 6
          escape(c);
        }
      } else if (c < 0x800) {
        buf[n++] = (byte) (0xC0 | (c >> 6));
        buf[n++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isSurrogate(c)) {
        throw Surrogate.INSTANCE;
      } else {
        buf[n++] = (byte) (0xE0 | (c >> 12));
        buf[n++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        buf[n++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    buf[n++] = '"';
  }

  private void escape(char c) {
    buf[n++] = '\\';
    switch (c) {
      case '"' -> buf[n++] = '"';
      case '\\' -> buf[n++] = '\\';
      case '\b' -> buf[n++] = 'b';
      case '\t' -> buf[n++] = 't';
      case '\n' -> buf[n++] = 'n';
      case '\f' -> buf[n++] = 'f';
      case '\r' -> buf[n++] = 'r';
      default -> {
        buf[n++] = 'u';
        buf[n++] = '0';
        buf[n++] = '0';
        buf[n++] = HEX[c >> 4];
        buf[n++] = HEX[c & 0xF];
      }
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
