package io.aegntic.studio.ingest.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC helpers shared by the receivers and the simulator; comparisons are constant-time. */
public final class Signatures {
  /**
   * Initialised Macs per thread, by algorithm and secret: {@code Mac.getInstance} (a provider
   * lookup) and {@code init} (hashing the padded key) cost more than the HMAC of a small body. A
   * Mac is not thread-safe, hence one per thread; the few secrets keep each map tiny.
   */
  private static final ThreadLocal<Map<String, Mac>> MACS = ThreadLocal.withInitial(HashMap::new);

  private Signatures() {}

  /** HMAC-SHA256 of the concatenated parts. */
  public static byte[] hmacSha256(String secret, byte[]... parts) {
    return hmac("HmacSHA256", secret, parts);
  }

  /** HMAC-SHA1 of the concatenated parts (WebSub's {@code sha1=} signatures). */
  public static byte[] hmacSha1(String secret, byte[]... parts) {
    return hmac("HmacSHA1", secret, parts);
  }

  public static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  public static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  public static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** Decodes hex, or returns null for anything that is not hex (which then never matches). */
  public static byte[] fromHex(String hex) {
    try {
      return hex == null ? null : HexFormat.of().parseHex(hex.trim());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Decodes base64, or returns null for anything that is not base64. */
  public static byte[] fromBase64(String b64) {
    try {
      return b64 == null ? null : Base64.getDecoder().decode(b64.trim());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Constant-time comparison; null never matches. */
  public static boolean matches(byte[] expected, byte[] given) {
    return expected != null && given != null && MessageDigest.isEqual(expected, given);
  }

  private static byte[] hmac(String algorithm, String secret, byte[]... parts) {
    Mac mac = MACS.get().computeIfAbsent(algorithm + ':' + secret, k -> newMac(algorithm, secret));
    for (byte[] part : parts) {
      mac.update(part);
    }
    return mac.doFinal(); // also resets the Mac to its key, ready for the next call
  }

  private static Mac newMac(String algorithm, String secret) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("an HMAC needs a non-empty secret");
    }
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(utf8(secret), algorithm));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is part of every JRE", e);
    }
  }
}
