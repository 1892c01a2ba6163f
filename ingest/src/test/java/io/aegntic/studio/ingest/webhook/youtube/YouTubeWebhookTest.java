package io.aegntic.studio.ingest.webhook.youtube;

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
import io.aegntic.studio.ingest.webhook.WebhookProperties;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class YouTubeWebhookTest {
  private static final String BODY = "{\"hello\":\"world\"}";
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  static final String FEED =
      """
      <?xml version='1.0' encoding='UTF-8'?>
      <feed xmlns:yt="http://www.youtube.com/xml/schemas/2015" xmlns="http://www.w3.org/2005/Atom">
        <link rel="hub" href="https://pubsubhubbub.appspot.com"/>
        <title>YouTube video feed</title>
        <entry>
          <id>yt:video:VIDEO_ID</id>
          <yt:videoId>VIDEO_ID</yt:videoId>
          <yt:channelId>UCdemoCreator2bbbbbbbbbbb</yt:channelId>
          <title>Leg day #fitness</title>
          <link rel="alternate" href="http://www.youtube.com/watch?v=VIDEO_ID"/>
          <published>2015-03-06T21:40:57+00:00</published>
          <updated>2015-03-09T19:05:24.552394234+00:00</updated>
        </entry>
      </feed>
      """;
  private final YouTubeWebhook webhook = new YouTubeWebhook(TestSetup.props(), TestSetup.context());

  @Test
  void acceptsSha1ComputedWithOpensslAndSha256() {
    String openssl = "sha1=043731f65cefe6e16e81af3f6e5724fe1c5f70f6";
    assertThat(rejection(() -> webhook.verify(sig(openssl), utf8(BODY), NOW))).isNull();
    String sha256 = "sha256=" + hex(hmac("HmacSHA256", "test-youtube-secret", BODY));
    assertThat(rejection(() -> webhook.verify(sig(sha256), utf8(BODY), NOW))).isNull();
  }

  @Test
  void rejectsWrongSecretTamperedBodyAndMissingHeader() {
    String valid = "sha1=" + hex(hmac("HmacSHA1", "test-youtube-secret", FEED));
    assertThat(rejection(() -> webhook.verify(sig(valid), utf8(FEED), NOW))).isNull();
    String wrong = "sha1=" + hex(hmac("HmacSHA1", "other", FEED));
    assertThat(rejection(() -> webhook.verify(sig(wrong), utf8(FEED), NOW)).code())
        .isEqualTo("invalid_signature");
    assertThat(
            rejection(() -> webhook.verify(sig(valid), utf8(FEED.replace("Leg", "Arm")), NOW))
                .code())
        .isEqualTo("invalid_signature");
    assertThat(rejection(() -> webhook.verify(headers(), utf8(FEED), NOW)).code())
        .isEqualTo("missing_signature");
  }

  @Test
  void withoutASecretUnsignedNotificationsAreAccepted() {
    WebhookProperties p = TestSetup.props();
    WebhookProperties unsigned =
        new WebhookProperties(
            new WebhookProperties.Secrets("a", "b", "c", "", "e", "f", "g"),
            p.accounts(),
            p.maxBody(),
            p.signatureTolerance(),
            p.actorSalt(),
            p.youtubeTopics());
    YouTubeWebhook open = new YouTubeWebhook(unsigned, TestSetup.context());
    assertThat(rejection(() -> open.verify(headers(), utf8(FEED), NOW))).isNull();
  }

  @Test
  void mapsAnAtomEntryToAPostPublished() {
    Normalised n = webhook.normalise(utf8(FEED), NOW);
    assertThat(n.deadLetters()).isEmpty();
    assertThat(n.events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.type()).isEqualTo(EventType.POST_PUBLISHED);
              assertThat(e.creatorId()).isEqualTo("creator-demo-2");
              assertThat(e.contentId()).isEqualTo("VIDEO_ID");
              assertThat(e.occurredAt()).isEqualTo(Instant.parse("2015-03-06T21:40:57Z"));
              EventPayload.PostPublished p = (EventPayload.PostPublished) e.payload();
              assertThat(p.title()).isEqualTo("Leg day #fitness");
              assertThat(p.hashtags()).containsExactly("fitness");
              assertThat(p.url()).isEqualTo("http://www.youtube.com/watch?v=VIDEO_ID");
            });
    Normalised unknown =
        webhook.normalise(utf8(FEED.replace("UCdemoCreator2bbbbbbbbbbb", "UCx")), NOW);
    assertThat(unknown.events()).isEmpty();
    assertThat(unknown.deadLetters())
        .extracting(d -> d.reason())
        .containsExactly("unknown_account");
  }

  /** UTC as +00:00 or Z, fractions, other offsets; an unreadable time falls back to receipt. */
  @Test
  void publishedTimesInEveryOffsetForm() {
    Map<String, Instant> cases =
        Map.of(
            "2015-03-06T21:40:57Z", Instant.parse("2015-03-06T21:40:57Z"),
            "2015-03-06T21:40:57.5+00:00", Instant.parse("2015-03-06T21:40:57.500Z"),
            "2015-03-06T23:40:57+02:00", Instant.parse("2015-03-06T21:40:57Z"),
            "2015-03-06T16:40:57.123456789-05:00", Instant.parse("2015-03-06T21:40:57.123456789Z"),
            "2015-02-30T21:40:57+00:00", NOW,
            "yesterday", NOW);
    cases.forEach(
        (published, expected) -> {
          String feed =
              FEED.replace(
                  "<published>2015-03-06T21:40:57+00:00</published>",
                  "<published>" + published + "</published>");
          assertThat(webhook.normalise(utf8(feed), NOW).events())
              .as(published)
              .singleElement()
              .extracting(e -> e.occurredAt())
              .isEqualTo(expected);
        });
  }

  @Test
  void malformedXmlDtdsAndNonAtomAreBadRequests() {
    assertThat(rejection(() -> webhook.normalise(utf8("<feed><entry>"), NOW)).code())
        .isEqualTo("malformed_xml");
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE feed [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<feed xmlns=\"http://www.w3.org/2005/Atom\">&x;</feed>";
    assertThat(rejection(() -> webhook.normalise(utf8(xxe), NOW)).code())
        .isEqualTo("malformed_xml");
    assertThat(rejection(() -> webhook.normalise(utf8("<rss/>"), NOW)).code())
        .isEqualTo("invalid_payload");
  }

  /** The parser is reused per thread: a failed parse must not leave it broken or less strict. */
  @Test
  void theReusedParserStaysStrictAndUsableAfterEveryOutcome() {
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE feed [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<feed xmlns=\"http://www.w3.org/2005/Atom\">&x;</feed>";
    for (int round = 0; round < 3; round++) {
      assertThat(rejection(() -> webhook.normalise(utf8(xxe), NOW)).code())
          .isEqualTo("malformed_xml");
      assertThat(webhook.normalise(utf8(FEED), NOW).events()).hasSize(1);
      assertThat(rejection(() -> webhook.normalise(utf8("<feed><entry>"), NOW)).code())
          .isEqualTo("malformed_xml");
      assertThat(webhook.normalise(utf8(FEED), NOW).events()).hasSize(1);
    }
  }

  @Test
  void acceptsAtomAndXmlContentTypesOnly() {
    assertThat(webhook.accepts(MediaType.APPLICATION_ATOM_XML)).isTrue();
    assertThat(webhook.accepts(MediaType.TEXT_XML)).isTrue();
    assertThat(webhook.accepts(MediaType.APPLICATION_JSON)).isFalse();
  }

  private static org.springframework.http.HttpHeaders sig(String value) {
    return headers("X-Hub-Signature", value);
  }
}
