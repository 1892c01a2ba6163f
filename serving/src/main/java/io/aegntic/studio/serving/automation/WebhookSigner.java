package io.aegntic.studio.serving.automation;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The outbound webhook signature: {@code X-Studio-Signature: t=<unix seconds>,v1=<hex
 * HMAC-SHA256(secret, t + "." + body)>}. Receivers recompute it over the raw body and reject a
 * {@code t} too far from their clock (replays).
 */
final class WebhookSigner {
  static final String HEADER = "X-Studio-Signature";

  private WebhookSigner() {}

  static String sign(String secret, long unixSeconds, byte[] body) {
    return "t=" + unixSeconds + ",v1=" + hex(secret, unixSeconds, body);
  }

  /** True when {@code header} is a valid signature of {@code body} made within the tolerance. */
  static boolean verify(
      String secret, String header, byte[] body, long nowUnixSeconds, long toleranceSeconds) {
    if (header == null) {
      return false;
    }
    Long t = null;
    String v1 = null;
    for (String part : header.split(",")) {
      String[] kv = part.strip().split("=", 2);
      if (kv.length != 2) {
        continue;
      }
      if (kv[0].equals("t")) {
        try {
          t = Long.parseLong(kv[1]);
        } catch (NumberFormatException e) {
          return false;
        }
      } else if (kv[0].equals("v1")) {
        v1 = kv[1];
      }
    }
    if (t == null || v1 == null || Math.abs(nowUnixSeconds - t) > toleranceSeconds) {
      return false;
    }
    return MessageDigest.isEqual(
        hex(secret, t, body).getBytes(StandardCharsets.US_ASCII),
        v1.getBytes(StandardCharsets.US_ASCII));
  }

  private static String hex(String secret, long t, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
