package io.aegntic.studio.jobs.analytics;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * An event id as 128 bits. The contract's ids ({@code EventIds}: 32 lower-case hex digits) map to
 * their exact bits, so two of them are equal here exactly when their strings are; any other string
 * maps to the first 128 bits of its SHA-256 (a false match would need a 128-bit SHA-256 collision).
 */
final class EventIdBits {
  private EventIdBits() {}

  /** The digest of the last non-canonical id this thread saw: high and low hash an id once. */
  private static final ThreadLocal<Digested> LAST = ThreadLocal.withInitial(Digested::new);

  static long high(String id) {
    return isCanonical(id) ? hex16(id, 0) : LAST.get().of(id).getLong(0);
  }

  static long low(String id) {
    return isCanonical(id) ? hex16(id, 16) : LAST.get().of(id).getLong(8);
  }

  /** Each ASCII character's hex value, -1 where it is not a lower-case hex digit. */
  private static final byte[] HEX = new byte[128];

  static {
    java.util.Arrays.fill(HEX, (byte) -1);
    for (int c = '0'; c <= '9'; c++) {
      HEX[c] = (byte) (c - '0');
    }
    for (int c = 'a'; c <= 'f'; c++) {
      HEX[c] = (byte) (c - 'a' + 10);
    }
  }

  // Table look-ups, not comparisons: digits and letters alternate at random in an id, and a
  // branch per character mispredicted about every other time (a third of the dedupe step's CPU).
  private static boolean isCanonical(String id) {
    if (id.length() != 32) {
      return false;
    }
    int bad = 0;
    for (int i = 0; i < 32; i++) {
      bad |= digit(id.charAt(i));
    }
    return bad >= 0;
  }

  private static long hex16(String id, int from) {
    long v = 0;
    for (int i = from; i < from + 16; i++) {
      v = (v << 4) | digit(id.charAt(i));
    }
    return v;
  }

  private static int digit(char c) {
    return c < 128 ? HEX[c] : -1;
  }

  private static final class Digested {
    private final MessageDigest sha256;
    private String id;
    private ByteBuffer bits;

    Digested() {
      try {
        sha256 = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is part of every JRE", e);
      }
    }

    ByteBuffer of(String id) {
      if (!id.equals(this.id)) {
        bits = ByteBuffer.wrap(sha256.digest(id.getBytes(StandardCharsets.UTF_8)));
        this.id = id;
      }
      return bits;
    }
  }
}
