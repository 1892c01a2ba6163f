package io.aegntic.studio.ingest.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;

/** The checks every receiver's {@code verify} is built from; each failure is a 401. */
public final class SignatureChecks {
  private SignatureChecks() {}

  /** Fails when the platform's secret is not configured: nothing can be verified. */
  public static String secret(String secret) {
    if (secret == null || secret.isBlank()) {
      throw WebhookException.unauthorized(
          "signature_not_configured", "no secret is configured for this platform");
    }
    return secret;
  }

  /** A required signature header. */
  public static String header(HttpHeaders headers, String name) {
    String value = headers.getFirst(name);
    if (value == null || value.isBlank()) {
      throw WebhookException.unauthorized("missing_signature", "missing header " + name);
    }
    return value.trim();
  }

  /** Fails unless the signature matched. */
  public static void require(boolean matched) {
    if (!matched) {
      throw WebhookException.unauthorized("invalid_signature", "the signature does not match");
    }
  }

  /**
   * Parses a {@code t=...,v1=...} style header into its values per key (a key may repeat, as
   * Stripe's {@code v1} does during secret rotation).
   */
  public static Map<String, List<String>> pairs(String header) {
    Map<String, List<String>> out = new HashMap<>();
    for (String part : header.split(",")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        String key = part.substring(0, eq).trim();
        out.computeIfAbsent(key, k -> new ArrayList<>()).add(part.substring(eq + 1).trim());
      }
    }
    return out;
  }

  /** The {@code t} value of a timestamped signature header, in epoch seconds. */
  public static long timestamp(Map<String, List<String>> pairs) {
    List<String> t = pairs.get("t");
    if (t == null || t.isEmpty()) {
      throw WebhookException.unauthorized("missing_signature", "signature header has no timestamp");
    }
    try {
      return Long.parseLong(t.get(0));
    } catch (NumberFormatException e) {
      throw WebhookException.unauthorized(
          "invalid_signature", "signature timestamp is not a number");
    }
  }

  /** Fails when a (valid) signature's timestamp is outside the tolerance: a replay. */
  public static void fresh(long epochSeconds, Instant now, Duration tolerance) {
    long age = Math.abs(now.getEpochSecond() - epochSeconds);
    if (age > tolerance.toSeconds()) {
      throw WebhookException.unauthorized(
          "timestamp_outside_tolerance", "the signature timestamp is outside the tolerance");
    }
  }

  /**
   * Verifies a timestamped header, {@code t=<unix>,<key>=<hex HMAC-SHA256(secret, t + "." + body)>}
   * (Stripe's {@code v1}, TikTok's {@code s}): any value under {@code key} may match (a key repeats
   * during secret rotation), and the timestamp must be within the tolerance.
   */
  public static void timestamped(
      HttpHeaders headers,
      String header,
      String key,
      String secret,
      byte[] body,
      Instant now,
      Duration tolerance) {
    String hmacKey = secret(secret);
    Map<String, List<String>> pairs = pairs(header(headers, header));
    long t = timestamp(pairs);
    byte[] expected = Signatures.hmacSha256(hmacKey, Signatures.utf8(t + "."), body);
    boolean matched = false;
    for (String candidate : pairs.getOrDefault(key, List.of())) {
      // No early exit: every candidate is compared, in constant time each.
      matched |= Signatures.matches(expected, Signatures.fromHex(candidate));
    }
    require(matched);
    fresh(t, now, tolerance);
  }
}
