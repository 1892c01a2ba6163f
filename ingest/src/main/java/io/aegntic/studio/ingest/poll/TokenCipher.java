package io.aegntic.studio.ingest.poll;

import io.aegntic.studio.events.PlatformTokenCipher;

/**
 * Reads and writes connection tokens in serving's at-rest format ({@link PlatformTokenCipher}, key
 * {@code STUDIO_TOKEN_KEY}); a test checks a ciphertext serving wrote decrypts here.
 */
final class TokenCipher {
  private final PlatformTokenCipher cipher;

  TokenCipher(String base64Key) {
    this.cipher = new PlatformTokenCipher(base64Key);
  }

  byte[] encrypt(String plaintext, String creatorId, String platform) {
    return cipher.encrypt(plaintext, creatorId, platform);
  }

  String decrypt(byte[] stored, String creatorId, String platform) {
    return cipher.decrypt(stored, creatorId, platform);
  }
}
