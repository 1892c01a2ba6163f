package io.aegntic.studio.ingest;

import static io.aegntic.studio.ingest.webhook.TestSetup.hex;
import static io.aegntic.studio.ingest.webhook.TestSetup.hmac;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aegntic.studio.events.Topics;
import io.aegntic.studio.ingest.simulator.DemoActivity;
import io.aegntic.studio.ingest.simulator.Draft;
import io.aegntic.studio.ingest.simulator.WebhookSigner;
import io.aegntic.studio.ingest.webhook.TestSetup;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/**
 * A corpus of bad input against the app on the real broker: each request gets its documented status
 * and code, nothing reaches Kafka, and the app stays healthy and keeps accepting.
 */
class BadInputCorpusIT extends IngestItSupport {
  private static final List<String> TOPICS = List.of(Topics.EVENTS, Topics.DLQ);
  private static final String STRIPE_ACCOUNT = CREATORS.get(0).stripeAccount();

  @Autowired WebTestClient client;

  /** One bad request and what it must get. */
  record Case(
      String name,
      String path,
      String type,
      byte[] body,
      Map<String, String> headers,
      int status,
      String code) {}

  @Test
  void everyBadRequestGetsItsStatusAndCodeAndNothingReachesKafka() {
    long before = endOffsets(TOPICS);
    List<String> failures = new ArrayList<>();
    for (Case c : corpus()) {
      WebTestClient.RequestBodySpec request = client.post().uri(c.path());
      if (c.type() != null) {
        request.contentType(MediaType.parseMediaType(c.type()));
      }
      c.headers().forEach(request::header);
      WebTestClient.RequestHeadersSpec<?> ready =
          c.body() == null
              ? request.body(chunked(), DataBuffer.class)
              : request.bodyValue(c.body());
      var result = ready.exchange().expectBody(Map.class).returnResult();
      Map<?, ?> body = result.getResponseBody();
      if (result.getStatus().value() != c.status()
          || body == null
          || !c.code().equals(body.get("error"))
          || !body.containsKey("message")) {
        failures.add(c.name() + ": got " + result.getStatus() + " " + body);
      }
    }
    assertThat(failures).isEmpty();
    assertThat(endOffsets(TOPICS)).isEqualTo(before);

    client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    Draft valid = new DemoActivity(CREATORS, 3).next(Instant.now());
    HttpHeaders signed = new HttpHeaders();
    new WebhookSigner(TestSetup.SIMULATOR_SECRETS).sign(valid, Instant.now()).forEach(signed::add);
    client
        .post()
        .uri("/webhooks/" + valid.platform())
        .contentType(MediaType.parseMediaType(valid.contentType()))
        .headers(h -> h.addAll(signed))
        .bodyValue(valid.body())
        .exchange()
        .expectStatus()
        .isOk();
    await().atMost(Duration.ofSeconds(30)).until(() -> endOffsets(TOPICS) > before);
  }

  private static List<Case> corpus() {
    List<Case> cases = new ArrayList<>();
    String truncated = "{\"object\":\"page\",\"entry\":[{\"id\":";
    cases.add(signedMeta("malformed JSON (meta)", truncated, 400, "malformed_json"));
    cases.add(
        signedMeta("JSON with trailing garbage", "{\"object\":\"page\"} }", 400, "malformed_json"));
    cases.add(signedMeta("JSON array", "[]", 400, "malformed_json"));
    cases.add(signedMeta("empty body", "", 400, "malformed_json"));
    cases.add(signedMeta("JSON without entry", "{\"object\":\"page\"}", 400, "invalid_payload"));
    cases.add(
        signedStripe(
            "malformed JSON (stripe)", "{\"id\": evt_1", nowSeconds(), 400, "malformed_json"));
    cases.add(
        signedStripe(
            "stripe without type", "{\"id\":\"evt_1\"}", nowSeconds(), 400, "invalid_payload"));
    String xml = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry></feed>";
    cases.add(signedYouTube("malformed XML", xml, 400, "malformed_xml"));
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE feed [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<feed xmlns=\"http://www.w3.org/2005/Atom\">&x;</feed>";
    cases.add(signedYouTube("XML with an external entity", xxe, 400, "malformed_xml"));
    cases.add(
        signedYouTube("XML that is not Atom", "<rss version=\"2.0\"/>", 400, "invalid_payload"));
    byte[] big = new byte[1024 * 1024 + 1];
    Arrays.fill(big, (byte) ' ');
    cases.add(
        new Case(
            "oversized",
            "/webhooks/meta",
            "application/json",
            big,
            Map.of(),
            413,
            "payload_too_large"));
    cases.add(
        new Case(
            "oversized, chunked",
            "/webhooks/x",
            "application/json",
            null,
            Map.of(),
            413,
            "payload_too_large"));
    cases.add(
        new Case(
            "text/plain to meta",
            "/webhooks/meta",
            "text/plain",
            utf8("{}"),
            Map.of(),
            415,
            "unsupported_media_type"));
    cases.add(
        new Case(
            "JSON to youtube",
            "/webhooks/youtube",
            "application/json",
            utf8("{}"),
            Map.of(),
            415,
            "unsupported_media_type"));
    cases.add(
        new Case(
            "no content type",
            "/webhooks/stripe",
            null,
            utf8("{}"),
            Map.of(),
            415,
            "unsupported_media_type"));
    cases.add(
        new Case(
            "unknown platform",
            "/webhooks/myspace",
            "application/json",
            utf8("{}"),
            Map.of(),
            404,
            "unknown_platform"));
    for (String platform : List.of("meta", "x", "stripe", "tiktok", "linkedin")) {
      cases.add(
          new Case(
              "no signature: " + platform,
              "/webhooks/" + platform,
              "application/json",
              utf8("{\"id\":\"evt\"}"),
              Map.of(),
              401,
              "missing_signature"));
    }
    cases.add(
        new Case(
            "no signature: youtube",
            "/webhooks/youtube",
            "application/atom+xml",
            utf8("<feed xmlns=\"http://www.w3.org/2005/Atom\"/>"),
            Map.of(),
            401,
            "missing_signature"));
    cases.add(
        new Case(
            "wrong signature: x",
            "/webhooks/x",
            "application/json",
            utf8("{}"),
            Map.of("x-twitter-webhooks-signature", "sha256=AAAA"),
            401,
            "invalid_signature"));
    String event =
        "{\"id\":\"evt_replay\",\"type\":\"invoice.paid\",\"account\":\""
            + STRIPE_ACCOUNT
            + "\",\"data\":{\"object\":{\"id\":\"in_1\",\"amount_paid\":100,\"currency\":\"usd\"}}}";
    cases.add(
        signedStripe(
            "replayed stripe delivery",
            event,
            nowSeconds() - 600,
            401,
            "timestamp_outside_tolerance"));
    return cases;
  }

  private static Case signedMeta(String name, String body, int status, String code) {
    String sig = "sha256=" + hex(hmac("HmacSHA256", TestSetup.SECRETS.metaApp(), body));
    return new Case(
        name,
        "/webhooks/meta",
        "application/json",
        utf8(body),
        Map.of("X-Hub-Signature-256", sig),
        status,
        code);
  }

  private static Case signedStripe(String name, String body, long t, int status, String code) {
    String sig =
        "t=" + t + ",v1=" + hex(hmac("HmacSHA256", TestSetup.SECRETS.stripe(), t + "." + body));
    return new Case(
        name,
        "/webhooks/stripe",
        "application/json",
        utf8(body),
        Map.of("Stripe-Signature", sig),
        status,
        code);
  }

  private static Case signedYouTube(String name, String body, int status, String code) {
    String sig = "sha1=" + hex(hmac("HmacSHA1", TestSetup.SECRETS.youtube(), body));
    return new Case(
        name,
        "/webhooks/youtube",
        "application/atom+xml",
        utf8(body),
        Map.of("X-Hub-Signature", sig),
        status,
        code);
  }

  /** A body without Content-Length: 1.5 MiB in 64 KiB chunks. */
  private static Flux<DataBuffer> chunked() {
    return Flux.range(0, 24)
        .map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[64 * 1024]));
  }

  private static long nowSeconds() {
    return Instant.now().getEpochSecond();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
