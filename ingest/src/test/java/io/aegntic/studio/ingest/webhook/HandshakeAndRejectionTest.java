package io.aegntic.studio.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Handshakes answer as each platform documents, and requests rejected before publishing get their
 * documented status and code. No broker is needed for any of this (it points nowhere).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "studio.ingest.kafka.bootstrap=127.0.0.1:9")
@AutoConfigureWebTestClient(timeout = "30s")
@TestPropertySource(locations = TestSetup.SPRING_PROPERTIES)
class HandshakeAndRejectionTest {
  @Autowired WebTestClient client;

  @Test
  void metaEchoesTheChallengeOnlyForTheVerifyToken() {
    client
        .get()
        .uri(
            "/webhooks/meta?hub.mode=subscribe&hub.verify_token=test-verify-token&hub.challenge=1158201444")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .isEqualTo("1158201444");
    expectError(
        client
            .get()
            .uri("/webhooks/meta?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1")
            .exchange(),
        403,
        "invalid_verify_token");
    expectError(
        client.get().uri("/webhooks/meta?hub.challenge=1").exchange(), 400, "invalid_handshake");
  }

  @Test
  void xAnswersTheCrcWithTheBase64Hmac() {
    // openssl: printf crc-token-123 | openssl dgst -sha256 -hmac test-x-secret -binary | base64
    client
        .get()
        .uri("/webhooks/x?crc_token=crc-token-123")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.response_token")
        .isEqualTo("sha256=3Rwu2vVzlcNUBaxOozUJfSrWCsfDXfzwQ/RA9ix22MA=");
    expectError(client.get().uri("/webhooks/x").exchange(), 400, "invalid_handshake");
  }

  @Test
  void youtubeVerifiesSubscribedTopicsOnly() {
    String topic =
        "https://www.youtube.com/xml/feeds/videos.xml?channel_id=UCdemoCreator1aaaaaaaaaaa";
    client
        .get()
        .uri(
            b ->
                b.path("/webhooks/youtube")
                    .queryParam("hub.mode", "subscribe")
                    .queryParam("hub.topic", "{t}")
                    .queryParam("hub.challenge", "ch4ll")
                    .queryParam("hub.lease_seconds", "432000")
                    .build(topic))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .isEqualTo("ch4ll");
    expectError(
        client
            .get()
            .uri(
                b ->
                    b.path("/webhooks/youtube")
                        .queryParam("hub.mode", "subscribe")
                        .queryParam("hub.topic", "{t}")
                        .queryParam("hub.challenge", "x")
                        .build(topic.replace("UCdemo", "UCother")))
            .exchange(),
        404,
        "unknown_topic");
  }

  @Test
  void linkedinAnswersTheChallengeWithTheHexHmac() {
    client
        .get()
        .uri("/webhooks/linkedin?challengeCode=f2b6c6a8-0000-4000-8000-000000000001")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.challengeCode")
        .isEqualTo("f2b6c6a8-0000-4000-8000-000000000001")
        .jsonPath("$.challengeResponse")
        .isEqualTo("4735a7579ac2c79b9f8d231d893349291177e340eeb22039d11e6bffe49b0603");
  }

  @Test
  void unknownPlatformsAndPathsAre404WithoutEchoingTheRequest() {
    expectError(client.get().uri("/webhooks/myspace-marker").exchange(), 404, "unknown_platform");
    expectError(
        client
            .post()
            .uri("/webhooks/myspace-marker")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{}")
            .exchange(),
        404,
        "unknown_platform");
    String body =
        client
            .get()
            .uri("/elsewhere-marker")
            .exchange()
            .expectStatus()
            .isNotFound()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(body).contains("\"error\"").doesNotContain("marker");
    expectError(client.get().uri("/webhooks/stripe").exchange(), 405, "method_not_allowed");
  }

  @Test
  void rejectsBeforeAnythingIsPublished() {
    expectError(
        client
            .post()
            .uri("/webhooks/meta")
            .contentType(MediaType.TEXT_PLAIN)
            .bodyValue("hi")
            .exchange(),
        415,
        "unsupported_media_type");
    expectError(
        client
            .post()
            .uri("/webhooks/meta")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(new byte[1024 * 1024 + 1])
            .exchange(),
        413,
        "payload_too_large");
    expectError(
        client
            .post()
            .uri("/webhooks/stripe")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"marker\":1}")
            .exchange(),
        401,
        "missing_signature");
    String body = "{\"object\": marker";
    String sig = "sha256=" + TestSetup.hex(TestSetup.hmac("HmacSHA256", "test-meta-secret", body));
    expectError(
        client
            .post()
            .uri("/webhooks/meta")
            .contentType(MediaType.APPLICATION_JSON)
            .header("X-Hub-Signature-256", sig)
            .bodyValue(body)
            .exchange(),
        400,
        "malformed_json");
  }

  @SuppressWarnings("unchecked")
  private static void expectError(WebTestClient.ResponseSpec response, int status, String code) {
    Map<String, Object> body =
        response
            .expectStatus()
            .isEqualTo(status)
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    assertThat(body).containsEntry("error", code).containsKey("message");
    assertThat(body.toString()).doesNotContain("marker");
  }
}
