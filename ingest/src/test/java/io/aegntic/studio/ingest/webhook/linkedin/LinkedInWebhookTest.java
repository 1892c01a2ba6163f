package io.aegntic.studio.ingest.webhook.linkedin;

import static io.aegntic.studio.ingest.webhook.TestSetup.headers;
import static io.aegntic.studio.ingest.webhook.TestSetup.hex;
import static io.aegntic.studio.ingest.webhook.TestSetup.hmac;
import static io.aegntic.studio.ingest.webhook.TestSetup.rejection;
import static io.aegntic.studio.ingest.webhook.TestSetup.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.aegntic.studio.events.EventPayload;
import io.aegntic.studio.events.EventType;
import io.aegntic.studio.ingest.webhook.Normalised;
import io.aegntic.studio.ingest.webhook.TestSetup;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class LinkedInWebhookTest {
  private static final String BODY = "{\"hello\":\"world\"}";
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private final LinkedInWebhook webhook =
      new LinkedInWebhook(TestSetup.props(), TestSetup.context());

  @Test
  void acceptsTheDocumentedSignatureComputedWithOpenssl() {
    // hex(HMAC-SHA256(clientSecret, "hmacsha256=" + body))
    String openssl = "19660425a5df3992fb68bcdd2003d854cb975765197eb0cf9afd5fc85b5e4670";
    assertThat(rejection(() -> webhook.verify(sig(openssl), utf8(BODY), NOW))).isNull();
  }

  @Test
  void rejectsWrongSecretTamperedBodyMissingHeaderAndUnprefixedDigest() {
    String wrong = hex(hmac("HmacSHA256", "other", "hmacsha256=" + BODY));
    assertThat(rejection(() -> webhook.verify(sig(wrong), utf8(BODY), NOW)).code())
        .isEqualTo("invalid_signature");
    String valid = hex(hmac("HmacSHA256", "test-linkedin-secret", "hmacsha256=" + BODY));
    assertThat(rejection(() -> webhook.verify(sig(valid), utf8("{}"), NOW)).code())
        .isEqualTo("invalid_signature");
    assertThat(rejection(() -> webhook.verify(headers(), utf8(BODY), NOW)).code())
        .isEqualTo("missing_signature");
    String unprefixed = hex(hmac("HmacSHA256", "test-linkedin-secret", BODY));
    assertThat(rejection(() -> webhook.verify(sig(unprefixed), utf8(BODY), NOW)).code())
        .isEqualTo("invalid_signature");
  }

  @Test
  void mapsSocialActions() {
    String body =
        """
        {"type":"ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS","notifications":[
         {"notificationId":1001,"organizationalEntity":"urn:li:organization:90000002","action":"COMMENT",
          "sourcePost":"urn:li:share:1","generatedActivity":"urn:li:comment:(urn:li:activity:1,5)",
          "decoratedGeneratedActivity":{"comment":{"text":"Terrible advice","owner":"urn:li:person:x"}},
          "lastModifiedAt":1767225600000},
         {"notificationId":1002,"organizationalEntity":"urn:li:organization:90000002","action":"LIKE",
          "sourcePost":"urn:li:share:1","actor":"urn:li:person:y","lastModifiedAt":1767225600000},
         {"notificationId":1003,"organizationalEntity":"urn:li:organization:90000002","action":"COMMENT_DELETE"},
         {"notificationId":1004,"organizationalEntity":"urn:li:organization:1","action":"LIKE"}]}""";
    Normalised n = webhook.normalise(utf8(body), NOW);
    assertThat(n.events())
        .extracting(e -> e.type())
        .containsExactly(EventType.COMMENT, EventType.LIKE);
    assertThat(n.events().get(0).creatorId()).isEqualTo("creator-demo-2");
    assertThat(((EventPayload.Comment) n.events().get(0).payload()).text())
        .isEqualTo("Terrible advice");
    assertThat(n.events().get(0).actorId()).isNotNull().doesNotContain("person");
    assertThat(n.deadLetters())
        .extracting(d -> d.reason())
        .containsExactly("unsupported_event", "unknown_account");
  }

  private static HttpHeaders sig(String value) {
    return headers("X-LI-Signature", value);
  }
}
