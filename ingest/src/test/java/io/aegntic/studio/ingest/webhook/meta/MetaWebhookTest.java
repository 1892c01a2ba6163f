package io.aegntic.studio.ingest.webhook.meta;

import static io.aegntic.studio.ingest.webhook.TestSetup.headers;
import static io.aegntic.studio.ingest.webhook.TestSetup.hex;
import static io.aegntic.studio.ingest.webhook.TestSetup.hmac;
import static io.aegntic.studio.ingest.webhook.TestSetup.rejection;
import static io.aegntic.studio.ingest.webhook.TestSetup.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.aegntic.studio.events.EventPayload;
import io.aegntic.studio.events.EventType;
import io.aegntic.studio.events.Platform;
import io.aegntic.studio.ingest.webhook.Normalised;
import io.aegntic.studio.ingest.webhook.TestSetup;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MetaWebhookTest {
  private static final String BODY = "{\"hello\":\"world\"}";
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private final MetaWebhook webhook = new MetaWebhook(TestSetup.props(), TestSetup.context());

  @Test
  void acceptsTheDocumentedSignatureComputedWithOpenssl() {
    String openssl = "0ae7b2ceb30caca18d22f7f9b591aff795724095b4bfca1ba37bec4d5235dce0";
    assertThat(rejection(() -> webhook.verify(sig("sha256=" + openssl), utf8(BODY), NOW))).isNull();
  }

  @Test
  void acceptsAValidSignatureOverAnyBody() {
    String body = "{\"object\":\"page\",\"entry\":[]}";
    String sig = "sha256=" + hex(hmac("HmacSHA256", "test-meta-secret", body));
    assertThat(rejection(() -> webhook.verify(sig(sig), utf8(body), NOW))).isNull();
  }

  @Test
  void rejectsWrongSecretTamperedBodyMissingAndMalformedHeader() {
    String wrong = "sha256=" + hex(hmac("HmacSHA256", "another-secret", BODY));
    assertThat(rejection(() -> webhook.verify(sig(wrong), utf8(BODY), NOW)).code())
        .isEqualTo("invalid_signature");
    String valid = "sha256=" + hex(hmac("HmacSHA256", "test-meta-secret", BODY));
    assertThat(rejection(() -> webhook.verify(sig(valid), utf8(BODY + " "), NOW)).code())
        .isEqualTo("invalid_signature");
    assertThat(rejection(() -> webhook.verify(headers(), utf8(BODY), NOW)).code())
        .isEqualTo("missing_signature");
    assertThat(rejection(() -> webhook.verify(sig(valid.substring(7)), utf8(BODY), NOW)).code())
        .isEqualTo("invalid_signature");
    assertThat(rejection(() -> webhook.verify(sig("sha256=zz"), utf8(BODY), NOW)).status())
        .isEqualTo(401);
  }

  @Test
  void mapsAnInstagramCommentToAHashedDeterministicEvent() {
    String body =
        """
        {"object":"instagram","entry":[{"id":"17841400000000001","time":1767225600,
         "changes":[{"field":"comments","value":{"from":{"id":"232323","username":"fan"},
         "media":{"id":"1801","media_product_type":"FEED"},"id":"17865799348089039",
         "text":"Love this #pasta"}}]}]}""";
    Normalised first = webhook.normalise(utf8(body), NOW);
    Normalised again = webhook.normalise(utf8(body), NOW.plusSeconds(60));
    assertThat(first.deadLetters()).isEmpty();
    assertThat(first.events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.type()).isEqualTo(EventType.COMMENT);
              assertThat(e.platform()).isEqualTo(Platform.INSTAGRAM);
              assertThat(e.creatorId()).isEqualTo("creator-demo-1");
              assertThat(e.contentId()).isEqualTo("1801");
              assertThat(e.actorId()).startsWith("a_").doesNotContain("232323");
              assertThat(e.occurredAt()).isEqualTo(Instant.ofEpochSecond(1767225600));
              assertThat(((EventPayload.Comment) e.payload()).hashtags()).containsExactly("pasta");
            });
    assertThat(again.events().get(0).eventId()).isEqualTo(first.events().get(0).eventId());
  }

  @Test
  void mapsFacebookFeedItemsAndDeadLettersTheRest() {
    String body =
        """
        {"object":"page","entry":[{"id":"100000000000002","time":1767225600,"changes":[
         {"field":"feed","value":{"item":"reaction","verb":"add","post_id":"1_2",
          "reaction_type":"like","created_time":1767225600,"from":{"id":"7"}}},
         {"field":"feed","value":{"item":"like","verb":"add","user_id":"8","created_time":1}},
         {"field":"feed","value":{"item":"comment","verb":"edited","post_id":"1_2"}},
         {"field":"ratings","value":{}}]},
         {"id":"999","time":1,"changes":[]}]}""";
    Normalised n = webhook.normalise(utf8(body), NOW);
    assertThat(n.events())
        .extracting(e -> e.type())
        .containsExactly(EventType.LIKE, EventType.FOLLOW);
    assertThat(n.events()).allMatch(e -> e.creatorId().equals("creator-demo-2"));
    assertThat(n.deadLetters())
        .extracting(d -> d.reason())
        .containsExactly("unsupported_event", "unsupported_event", "unknown_account");
  }

  @Test
  void malformedAndIncompleteBodiesAreBadRequests() {
    assertThat(rejection(() -> webhook.normalise(utf8("{\"object\":"), NOW)).code())
        .isEqualTo("malformed_json");
    assertThat(rejection(() -> webhook.normalise(utf8("[1,2]"), NOW)).code())
        .isEqualTo("malformed_json");
    assertThat(rejection(() -> webhook.normalise(utf8("{\"entry\":[]}"), NOW)).code())
        .isEqualTo("invalid_payload");
  }

  private static org.springframework.http.HttpHeaders sig(String value) {
    return headers("X-Hub-Signature-256", value);
  }
}
