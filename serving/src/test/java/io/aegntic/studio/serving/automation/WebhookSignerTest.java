package io.aegntic.studio.serving.automation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {
  private static final byte[] BODY = "{\"type\":\"rule_fired\"}".getBytes(StandardCharsets.UTF_8);

  @Test
  void signatureIsHmacSha256OfTimestampDotBody() throws Exception {
    String header = WebhookSigner.sign("whsec_k", 1_700_000_000L, BODY);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec("whsec_k".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected =
        HexFormat.of()
            .formatHex(
                mac.doFinal(
                    ("1700000000." + new String(BODY, StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8)));
    assertThat(header).isEqualTo("t=1700000000,v1=" + expected);
  }

  @Test
  void verifyAcceptsTheSignatureAndRejectsTamperingReplayAndOtherKeys() {
    String header = WebhookSigner.sign("whsec_k", 1_000L, BODY);
    assertThat(WebhookSigner.verify("whsec_k", header, BODY, 1_100L, 300)).isTrue();
    assertThat(WebhookSigner.verify("whsec_other", header, BODY, 1_100L, 300)).isFalse();
    byte[] tampered = "{\"type\":\"rule_fixed\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(WebhookSigner.verify("whsec_k", header, tampered, 1_100L, 300)).isFalse();
    assertThat(WebhookSigner.verify("whsec_k", header, BODY, 2_000L, 300)).isFalse();
    assertThat(
            WebhookSigner.verify("whsec_k", header.replace("t=1000", "t=1050"), BODY, 1_100L, 300))
        .isFalse();
    assertThat(WebhookSigner.verify("whsec_k", "garbage", BODY, 1_100L, 300)).isFalse();
    assertThat(WebhookSigner.verify("whsec_k", null, BODY, 1_100L, 300)).isFalse();
  }

  @Test
  void secretsAreRandomAndSealedPerRule() {
    SecretBox box = new SecretBox(java.util.Base64.getEncoder().encodeToString(new byte[32]));
    String secret = box.newSecret();
    assertThat(secret).matches("whsec_[0-9a-f]{64}").isNotEqualTo(box.newSecret());
    byte[] sealed = box.seal(secret, "rule-1");
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(secret);
    assertThat(box.open(sealed, "rule-1")).isEqualTo(secret);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> box.open(sealed, "rule-2"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void onlyTransientWebhookFailuresAreRetried() {
    assertThat(WebhookSender.retryable(new java.util.concurrent.TimeoutException())).isTrue();
    assertThat(
            WebhookSender.retryable(
                org.springframework.web.reactive.function.client.WebClientResponseException.create(
                    503, "x", null, null, null)))
        .isTrue();
    assertThat(
            WebhookSender.retryable(
                org.springframework.web.reactive.function.client.WebClientResponseException.create(
                    400, "x", null, null, null)))
        .isFalse();
  }
}
