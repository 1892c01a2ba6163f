package io.aegntic.studio.jobs.automation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Deterministic trigger ids: the same rule, subject and window always give the same id, so a
 * replayed firing is recognisable downstream and an action can be idempotent on it.
 */
final class TriggerIds {
  private TriggerIds() {}

  static String of(String ruleId, String subject, Instant windowEnd) {
    String key = ruleId + '\u001f' + subject + '\u001f' + windowEnd;
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "t_" + HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
