package io.aegntic.studio.ingest.webhook.x;

import static io.aegntic.studio.ingest.webhook.TestSetup.headers;
import static io.aegntic.studio.ingest.webhook.TestSetup.hmac;
import static io.aegntic.studio.ingest.webhook.TestSetup.rejection;
import static io.aegntic.studio.ingest.webhook.TestSetup.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.aegntic.studio.events.EventType;
import io.aegntic.studio.ingest.webhook.Normalised;
import io.aegntic.studio.ingest.webhook.TestSetup;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class XWebhookTest {
  private static final String BODY = "{\"hello\":\"world\"}";
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private final XWebhook webhook = new XWebhook(TestSetup.props(), TestSetup.context());

  @Test
  void acceptsTheDocumentedSignatureComputedWithOpenssl() {
    String openssl = "sha256=G1NhKP6v87wXxG9J5hQ8KyZSMRnabLmSNTB7XIE2vGc=";
    assertThat(rejection(() -> webhook.verify(sig(openssl), utf8(BODY), NOW))).isNull();
  }

  @Test
  void rejectsWrongSecretTamperedBodyAndMissingHeader() {
    String valid = "sha256=" + b64(hmac("HmacSHA256", "test-x-secret", BODY));
    assertThat(rejection(() -> webhook.verify(sig(valid), utf8(BODY), NOW))).isNull();
    String wrong = "sha256=" + b64(hmac("HmacSHA256", "nope", BODY));
    assertThat(rejection(() -> webhook.verify(sig(wrong), utf8(BODY), NOW)).code())
        .isEqualTo("invalid_signature");
    assertThat(
            rejection(() -> webhook.verify(sig(valid), utf8("{\"hello\":\"w0rld\"}"), NOW)).code())
        .isEqualTo("invalid_signature");
    assertThat(rejection(() -> webhook.verify(headers(), utf8(BODY), NOW)).code())
        .isEqualTo("missing_signature");
  }

  @Test
  void mapsRepliesFavoritesFollowsAndOwnTweets() {
    String body =
        """
        {"for_user_id":"1500000000000000003",
         "tweet_create_events":[
          {"id_str":"11","text":"great thread","timestamp_ms":"1767225600000","user":{"id_str":"5"},
           "in_reply_to_status_id_str":"10","in_reply_to_user_id_str":"1500000000000000003"},
          {"id_str":"10","text":"new video #tech","created_at":"Thu Jan 01 00:00:00 +0000 2026",
           "user":{"id_str":"1500000000000000003"}}],
         "favorite_events":[{"id":"f1","timestamp_ms":1767225600000,
           "favorited_status":{"id_str":"10","user":{"id_str":"1500000000000000003"}},"user":{"id_str":"6"}}],
         "follow_events":[{"type":"follow","created_timestamp":"1767225600000",
           "target":{"id":"1500000000000000003"},"source":{"id":"7"}}],
         "direct_message_events":[{"type":"message_create"}]}""";
    Normalised n = webhook.normalise(utf8(body), NOW);
    assertThat(n.events())
        .extracting(e -> e.type())
        .containsExactly(
            EventType.COMMENT, EventType.POST_PUBLISHED, EventType.LIKE, EventType.FOLLOW);
    assertThat(n.events()).allMatch(e -> e.creatorId().equals("creator-demo-3"));
    assertThat(n.events().get(0).contentId()).isEqualTo("10");
    assertThat(n.events().get(1).occurredAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(n.deadLetters()).extracting(d -> d.reason()).containsExactly("unsupported_event");
  }

  @Test
  void unknownUserGoesToTheDeadLetterTopic() {
    Normalised n = webhook.normalise(utf8("{\"for_user_id\":\"42\",\"favorite_events\":[]}"), NOW);
    assertThat(n.events()).isEmpty();
    assertThat(n.deadLetters()).extracting(d -> d.reason()).containsExactly("unknown_account");
  }

  private static HttpHeaders sig(String value) {
    return headers("x-twitter-webhooks-signature", value);
  }

  private static String b64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }
}
