package io.aegntic.studio.ingest.webhook.tiktok;

import static io.aegntic.studio.ingest.webhook.TestSetup.headers;
import static io.aegntic.studio.ingest.webhook.TestSetup.hex;
import static io.aegntic.studio.ingest.webhook.TestSetup.hmac;
import static io.aegntic.studio.ingest.webhook.TestSetup.rejection;
import static io.aegntic.studio.ingest.webhook.TestSetup.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.aegntic.studio.events.EventType;
import io.aegntic.studio.ingest.webhook.Normalised;
import io.aegntic.studio.ingest.webhook.TestSetup;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class TikTokWebhookTest {
  private static final String BODY = "{\"hello\":\"world\"}";
  private static final long T = 1_700_000_000L;
  private static final Instant AT_T = Instant.ofEpochSecond(T);
  private final TikTokWebhook webhook = new TikTokWebhook(TestSetup.props(), TestSetup.context());

  @Test
  void acceptsTheDocumentedSignatureComputedWithOpenssl() {
    String openssl = "0d3ef13d99ea8ebea005fded10a12ed34ee58dcce603b6b7c01fffcc4f6dc292";
    assertThat(code(sig("t=" + T + ",s=" + openssl), BODY, AT_T)).isNull();
  }

  @Test
  void rejectsWrongSecretTamperedBodyMissingHeaderAndStaleTimestamp() {
    assertThat(code(sig("t=" + T + ",s=" + s("other", BODY)), BODY, AT_T))
        .isEqualTo("invalid_signature");
    assertThat(code(sig("t=" + T + ",s=" + s("test-tiktok-secret", BODY)), BODY + " ", AT_T))
        .isEqualTo("invalid_signature");
    assertThat(code(headers(), BODY, AT_T)).isEqualTo("missing_signature");
    assertThat(code(sig("t=" + T), BODY, AT_T)).isEqualTo("invalid_signature");
    assertThat(
            code(
                sig("t=" + T + ",s=" + s("test-tiktok-secret", BODY)), BODY, AT_T.plusSeconds(900)))
        .isEqualTo("timestamp_outside_tolerance");
  }

  @Test
  void mapsAPublicPostAndDeadLettersOtherEvents() {
    String body =
        "{\"client_key\":\"k\",\"event\":\"post.publish.publicly_available\",\"create_time\":"
            + T
            + ",\"user_openid\":\"act.demo3\","
            + "\"content\":\"{\\\"publish_id\\\":\\\"p_1\\\",\\\"post_id\\\":\\\"7300\\\"}\"}";
    Normalised n = webhook.normalise(utf8(body), AT_T);
    assertThat(n.events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.type()).isEqualTo(EventType.POST_PUBLISHED);
              assertThat(e.creatorId()).isEqualTo("creator-demo-3");
              assertThat(e.contentId()).isEqualTo("7300");
            });
    String other = body.replace("post.publish.publicly_available", "authorization.removed");
    assertThat(webhook.normalise(utf8(other), AT_T).deadLetters())
        .extracting(d -> d.reason())
        .containsExactly("unsupported_event");
    String unknown = body.replace("act.demo3", "act.nobody");
    assertThat(webhook.normalise(utf8(unknown), AT_T).deadLetters())
        .extracting(d -> d.reason())
        .containsExactly("unknown_account");
  }

  private String code(HttpHeaders headers, String body, Instant now) {
    var e = rejection(() -> webhook.verify(headers, utf8(body), now));
    return e == null ? null : e.code();
  }

  private static String s(String secret, String body) {
    return hex(hmac("HmacSHA256", secret, T + "." + body));
  }

  private static HttpHeaders sig(String value) {
    return headers("TikTok-Signature", value);
  }
}
