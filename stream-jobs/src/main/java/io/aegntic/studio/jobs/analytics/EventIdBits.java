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
record EventIdBits(long high, long low) {
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

  static EventIdBits of(String id) {
    if (isCanonical(id)) {
      return new EventIdBits(hex16(id, 0), hex16(id, 16));
    }
    ByteBuffer digest = ByteBuffer.wrap(sha256(id));
    return new EventIdBits(digest.getLong(0), digest.getLong(8));
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

  // Not the contract's format: ids from other producers (and tests), rare, so no digest is kept.
  private static byte[] sha256(String id) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
