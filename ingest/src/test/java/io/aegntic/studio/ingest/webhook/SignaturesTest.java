package io.aegntic.studio.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The per-thread Mac cache gives the same HMACs as a fresh Mac, whatever the call order. */
class SignaturesTest {

  @Test
  void interleavedSecretsAlgorithmsAndPartsMatchAFreshMac() {
    for (int i = 0; i < 3; i++) {
      String body = "{\"n\":" + i + "}";
      assertThat(Signatures.hmacSha256("secret-a", Signatures.utf8(body)))
          .isEqualTo(TestSetup.hmac("HmacSHA256", "secret-a", body));
      assertThat(
              Signatures.hmacSha256(
                  "secret-b", Signatures.utf8("1700000000."), TestSetup.utf8(body)))
          .isEqualTo(TestSetup.hmac("HmacSHA256", "secret-b", "1700000000." + body));
      assertThat(Signatures.hmacSha1("secret-a", Signatures.utf8(body)))
          .isEqualTo(TestSetup.hmac("HmacSHA1", "secret-a", body));
    }
  }

  @Test
  void threadsDoNotShareAMac() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        String secret = "secret-" + (t % 2);
        results.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 2_000; i++) {
                    String body = "body-" + i;
                    if (!java.util.Arrays.equals(
                        Signatures.hmacSha256(secret, Signatures.utf8(body)),
                        TestSetup.hmac("HmacSHA256", secret, body))) {
                      return false;
                    }
                  }
                  return true;
                }));
      }
      for (Future<Boolean> r : results) {
        assertThat(r.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anEmptySecretIsRefused() {
    assertThatThrownBy(() -> Signatures.hmacSha256("", Signatures.utf8("x")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
