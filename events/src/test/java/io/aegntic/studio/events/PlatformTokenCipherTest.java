package io.aegntic.studio.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class PlatformTokenCipherTest {
  private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

  @Test
  void roundTripsAndUsesAFreshNonceEachTime() {
    PlatformTokenCipher cipher = new PlatformTokenCipher(KEY);
    byte[] a = cipher.encrypt("secret", "c1", "x");
    byte[] b = cipher.encrypt("secret", "c1", "x");
    assertThat(a).isNotEqualTo(b);
    assertThat(cipher.decrypt(a, "c1", "x")).isEqualTo("secret");
  }

  @Test
  void aCiphertextMovedToAnotherTenantOrTamperedDoesNotDecrypt() {
    PlatformTokenCipher cipher = new PlatformTokenCipher(KEY);
    byte[] sealed = cipher.encrypt("secret", "c1", "x");
    assertThatThrownBy(() -> cipher.decrypt(sealed, "c2", "x"))
        .isInstanceOf(IllegalStateException.class);
    sealed[sealed.length - 1] ^= 1;
    assertThatThrownBy(() -> cipher.decrypt(sealed, "c1", "x")).hasMessageContaining("tampered");
  }

  @Test
  void refusesMissingOrShortKeys() {
    assertThatThrownBy(() -> new PlatformTokenCipher("")).hasMessageContaining("STUDIO_TOKEN_KEY");
    assertThatThrownBy(
            () -> new PlatformTokenCipher(Base64.getEncoder().encodeToString(new byte[16])))
        .hasMessageContaining("32 bytes");
  }
}
