package io.aegntic.studio.serving.automation;

import io.aegntic.studio.serving.config.StudioProperties;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Generates and seals webhook signing secrets: AES-256-GCM with {@code STUDIO_TOKEN_KEY}, the rule
 * id as associated data (a ciphertext copied to another rule does not open).
 */
@Component
class SecretBox {
  private static final int NONCE = 12;
  private final SecretKey key;
  private final SecureRandom random = new SecureRandom();

  @Autowired
  SecretBox(StudioProperties properties) {
    this(properties.tokenKey());
  }

  SecretBox(String base64Key) {
    if (base64Key == null || base64Key.isBlank()) {
      throw new IllegalStateException("STUDIO_TOKEN_KEY (studio.token-key) is not set");
    }
    byte[] raw = Base64.getDecoder().decode(base64Key.trim());
    if (raw.length != 32) {
      throw new IllegalStateException("STUDIO_TOKEN_KEY must decode to 32 bytes (AES-256)");
    }
    this.key = new SecretKeySpec(raw, "AES");
  }

  /** A fresh secret: {@code whsec_} and 64 hex digits (256 random bits). */
  String newSecret() {
    byte[] raw = new byte[32];
    random.nextBytes(raw);
    return "whsec_" + HexFormat.of().formatHex(raw);
  }

  byte[] seal(String secret, String ruleId) {
    byte[] nonce = new byte[NONCE];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
      cipher.updateAAD(ruleId.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("secret encryption failed", e);
    }
  }

  String open(byte[] stored, String ruleId) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, stored, 0, NONCE));
      cipher.updateAAD(ruleId.getBytes(StandardCharsets.UTF_8));
      return new String(
          cipher.doFinal(stored, NONCE, stored.length - NONCE), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("webhook secret does not decrypt (wrong key or moved row)");
    }
  }
}
