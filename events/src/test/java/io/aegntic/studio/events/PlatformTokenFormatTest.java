package io.aegntic.studio.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The stored format stays readable: a row serving wrote (before the cipher moved here) decrypts,
 * and what the pollers write back has the same layout.
 */
class PlatformTokenFormatTest {
  private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

  /** Encrypted by serving (this key, creator-demo-1, youtube). */
  private static final String FROM_SERVING =
      "AQARObfPrN2Go5Uiz1xPGH1AJx708DnAnTr01NbCZOLJ/GdjtZKXpW5x0+z9AxJZNhPBxCmi";

  private final PlatformTokenCipher cipher = new PlatformTokenCipher(KEY);

  @Test
  void decryptsWhatServingEncrypted() {
    assertThat(
            cipher.decrypt(Base64.getDecoder().decode(FROM_SERVING), "creator-demo-1", "youtube"))
        .isEqualTo("ya29.example-access-token");
  }

  @Test
  void theCreatorAndPlatformAreAuthenticated() {
    byte[] stored = Base64.getDecoder().decode(FROM_SERVING);
    assertThatThrownBy(() -> cipher.decrypt(stored, "creator-demo-2", "youtube"))
        .hasMessageContaining("wrong key or tampered row");
    assertThatThrownBy(() -> cipher.decrypt(stored, "creator-demo-1", "tiktok"))
        .hasMessageContaining("wrong key or tampered row");
  }

  @Test
  void writesServingsFormat() {
    byte[] sealed = cipher.encrypt("refreshed", "c", "tiktok");
    assertThat(sealed[0]).isEqualTo((byte) 1);
    assertThat(sealed).hasSize(1 + 12 + "refreshed".length() + 16);
    assertThat(cipher.decrypt(sealed, "c", "tiktok")).isEqualTo("refreshed");
  }

  @Test
  void aMissingOrShortKeyIsRefusedByName() {
    assertThatThrownBy(() -> new PlatformTokenCipher("")).hasMessageContaining("STUDIO_TOKEN_KEY");
    assertThatThrownBy(() -> new PlatformTokenCipher("c2hvcnQ=")).hasMessageContaining("32 bytes");
  }
}
