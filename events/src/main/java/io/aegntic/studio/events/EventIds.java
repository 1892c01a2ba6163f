package io.aegntic.studio.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic ids: the same platform ids always give the same id, so a redelivered webhook or a
 * re-read poll produces an event the analytics job recognises as a duplicate.
 */
public final class EventIds {
  private EventIds() {}

  /** A 32-hex-digit id from the platform and the platform's own identifying parts. */
  public static String of(Platform platform, String... parts) {
    StringBuilder key = new StringBuilder(platform.id());
    for (String part : parts) {
      key.append('\u001f').append(Require.present(part, "id part"));
    }
    return HexFormat.of().formatHex(sha256(key.toString()), 0, 16);
  }

  /** A salted one-way hash of a platform user id, so no raw user id leaves ingest. */
  public static String actor(Platform platform, String rawUserId, String salt) {
    String key = salt + '\u001f' + platform.id() + '\u001f' + rawUserId;
    return "a_" + HexFormat.of().formatHex(sha256(key), 0, 12);
  }

  // One digest per thread: getInstance looks the algorithm up in the providers on every call,
  // and ingest hashes two ids per event.
  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("SHA-256 is part of every JRE", e);
            }
          });

  private static byte[] sha256(String s) {
    return SHA256.get().digest(s.getBytes(StandardCharsets.UTF_8)); // digest() also resets it
  }
}
