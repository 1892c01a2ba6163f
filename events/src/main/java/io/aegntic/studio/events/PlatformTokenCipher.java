package io.aegntic.studio.events;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The at-rest format of platform OAuth tokens in {@code platform_connections}, shared by serving
 * (which stores them) and ingest's pollers (which read and refresh them): AES-256-GCM under the key
 * in {@code STUDIO_TOKEN_KEY}, stored as {@code version(1) || nonce(12) || ciphertext+tag}, with
 * {@code creatorId + '\n' + platform} as authenticated data, so a ciphertext copied onto another
 * tenant's row does not decrypt.
 */
public final class PlatformTokenCipher {
  private static final byte VERSION = 1;
  private static final int NONCE = 12;
  private static final int TAG_BITS = 128;
  private final SecretKey key;
  private final SecureRandom random = new SecureRandom();

  /** {@code base64Key}: 32 random bytes, base64 (the value of {@code STUDIO_TOKEN_KEY}). */
  public PlatformTokenCipher(String base64Key) {
    if (base64Key == null || base64Key.isBlank()) {
      throw new IllegalStateException("STUDIO_TOKEN_KEY is not set");
    }
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(base64Key.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("STUDIO_TOKEN_KEY is not valid base64");
    }
    if (raw.length != 32) {
      throw new IllegalStateException("STUDIO_TOKEN_KEY must decode to 32 bytes (AES-256)");
    }
    this.key = new SecretKeySpec(raw, "AES");
  }

  public byte[] encrypt(String plaintext, String creatorId, String platform) {
    byte[] nonce = new byte[NONCE];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(aad(creatorId, platform));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.allocate(1 + NONCE + sealed.length)
          .put(VERSION)
          .put(nonce)
          .put(sealed)
          .array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("token encryption failed", e);
    }
  }

  public String decrypt(byte[] stored, String creatorId, String platform) {
    if (stored == null || stored.length < 1 + NONCE + TAG_BITS / 8 || stored[0] != VERSION) {
      throw new IllegalStateException("not a token ciphertext of version " + VERSION);
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 1, NONCE));
      cipher.updateAAD(aad(creatorId, platform));
      byte[] plain = cipher.doFinal(stored, 1 + NONCE, stored.length - 1 - NONCE);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("token decryption failed (wrong key or tampered row)", e);
    }
  }

  private static byte[] aad(String creatorId, String platform) {
    return (creatorId + '\n' + platform).getBytes(StandardCharsets.UTF_8);
  }
}
