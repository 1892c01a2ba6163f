package io.aegntic.studio.serving.connections;

import io.aegntic.studio.events.PlatformTokenCipher;
import io.aegntic.studio.serving.config.StudioProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Encrypts platform tokens at rest under {@code STUDIO_TOKEN_KEY} ({@code studio.token-key}) in the
 * format ingest's pollers read: {@link PlatformTokenCipher}.
 */
@Component
class TokenCipher {
  private final PlatformTokenCipher cipher;

  @Autowired
  TokenCipher(StudioProperties properties) {
    this(properties.tokenKey());
  }

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
