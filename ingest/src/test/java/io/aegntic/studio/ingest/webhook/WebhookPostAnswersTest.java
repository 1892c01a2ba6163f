package io.aegntic.studio.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aegntic.studio.events.DemoCreators;
import io.aegntic.studio.ingest.simulator.DemoActivity;
import io.aegntic.studio.ingest.simulator.Draft;
import io.aegntic.studio.ingest.simulator.WebhookSigner;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/**
 * Webhook POSTs with a declared length are answered on Reactor Netty ({@link WebhookRoute}); what
 * it leaves to WebFlux (a matrix parameter in the segment, a chunked body) reaches the same
 * receiver. For every rejection and for a broker that never acknowledges (nothing listens on port
 * 9), both give the same status, headers and bytes: JSON with its length, exactly {@code error} and
 * {@code message}, nothing of the request, {@code Retry-After} on 503.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "studio.ingest.kafka.bootstrap=127.0.0.1:9",
      // The publisher's guard (delivery timeout + 1 s) ends the call, before max.block (3 s).
      "studio.ingest.kafka.delivery-timeout=1s",
      "studio.ingest.kafka.request-timeout=500ms"
    })
@AutoConfigureWebTestClient(timeout = "30s")
@TestPropertySource(locations = TestSetup.SPRING_PROPERTIES)
class WebhookPostAnswersTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired WebTestClient client;

  @Value("${local.server.port}")
  int port;

  record Case(
      String name,
      String platform,
      String type,
      byte[] body,
      Map<String, String> headers,
      int status,
      String code) {}

  @Test
  void theFastPathAndTheRouterAnswerAlikeWithTheDocumentedStatusAndCode() throws Exception {
    List<String> failures = new ArrayList<>();
    for (Case c : cases()) {
      EntityExchangeResult<byte[]> fast = post(c, "/webhooks/" + c.platform());
      EntityExchangeResult<byte[]> routed = post(c, "/webhooks/" + c.platform() + ";via=router");
      EntityExchangeResult<byte[]> chunked = postChunked(c, "/webhooks/" + c.platform());
      for (EntityExchangeResult<byte[]> r : List.of(fast, routed, chunked)) {
        String problem = problem(c, r);
        if (problem != null) {
          failures.add(c.name() + " " + r.getUrl().getPath() + ": " + problem);
        }
      }
      for (EntityExchangeResult<byte[]> other : List.of(routed, chunked)) {
        if (!java.util.Arrays.equals(fast.getResponseBody(), other.getResponseBody())
            || !fast.getStatus().equals(other.getStatus())
            || !answerHeaders(fast).equals(answerHeaders(other))) {
          failures.add(c.name() + " " + other.getUrl().getPath() + ": answered differently");
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  /**
   * A Content-Type that is no media type at all is a wrong type too (a client such as WebTestClient
   * refuses to send one, so this request is written by hand).
   */
  @Test
  void aContentTypeThatIsNoMediaTypeIsAnUnsupportedType() throws Exception {
    String answer;
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              utf8(
                  "POST /webhooks/meta HTTP/1.1\r\nHost: localhost\r\n"
                      + "Content-Type: not a media type\r\nContent-Length: 12\r\n"
                      + "Connection: close\r\n\r\n{\"marker\":1}"));
      answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(answer).startsWith("HTTP/1.1 415 ");
    assertThat(answer).contains("{\"error\":\"unsupported_media_type\"");
    assertThat(answer).doesNotContain("marker").doesNotContain("not a media type");
  }

  private EntityExchangeResult<byte[]> post(Case c, String path) {
    return request(c, path).bodyValue(c.body()).exchange().expectBody(byte[].class).returnResult();
  }

  private WebTestClient.RequestBodySpec request(Case c, String path) {
    return client
        .post()
        .uri(path)
        .headers(
            h -> {
              h.set(HttpHeaders.CONTENT_TYPE, c.type());
              c.headers().forEach(h::set);
            });
  }

  /** The same request with a chunked body (no Content-Length): WebFlux's router serves it. */
  private EntityExchangeResult<byte[]> postChunked(Case c, String path) {
    EntityExchangeResult<byte[]> r =
        request(c, path)
            .body(Flux.just(c.body()), byte[].class)
            .exchange()
            .expectBody(byte[].class)
            .returnResult();
    assertThat(r.getRequestHeaders().getContentLength()).isEqualTo(-1);
    return r;
  }

  private static String problem(Case c, EntityExchangeResult<byte[]> r) throws Exception {
    byte[] body = r.getResponseBody();
    HttpHeaders h = r.getResponseHeaders();
    if (r.getStatus().value() != c.status()) {
      return "status " + r.getStatus();
    }
    if (!"application/json".equals(h.getFirst(HttpHeaders.CONTENT_TYPE))
        || body == null
        || h.getContentLength() != body.length) {
      return "headers " + h;
    }
    JsonNode json = JSON.readTree(body);
    List<String> fields = new ArrayList<>();
    json.fieldNames().forEachRemaining(fields::add);
    if (!fields.equals(List.of("error", "message"))
        || !c.code().equals(json.get("error").asText())) {
      return "body " + new String(body, StandardCharsets.UTF_8);
    }
    if (new String(body, StandardCharsets.UTF_8).contains("marker")) {
      return "echoes the request";
    }
    boolean retryAfter = "5".equals(h.getFirst(HttpHeaders.RETRY_AFTER));
    return retryAfter == (c.status() == 503)
        ? null
        : "Retry-After " + h.get(HttpHeaders.RETRY_AFTER);
  }

  private static List<Object> answerHeaders(EntityExchangeResult<byte[]> r) {
    HttpHeaders h = r.getResponseHeaders();
    return java.util.Arrays.asList(
        h.get(HttpHeaders.CONTENT_TYPE),
        h.get(HttpHeaders.CONTENT_LENGTH),
        h.get(HttpHeaders.RETRY_AFTER));
  }

  private static List<Case> cases() {
    byte[] json = utf8("{\"marker\":1}");
    String malformed = "{\"object\": marker";
    String metaSig =
        "sha256=" + TestSetup.hex(TestSetup.hmac("HmacSHA256", "test-meta-secret", malformed));
    Draft valid = new DemoActivity(DemoCreators.ALL, 5).next(Instant.now());
    Map<String, String> signed =
        new WebhookSigner(TestSetup.SIMULATOR_SECRETS).sign(valid, Instant.now());
    return List.of(
        new Case(
            "unknown platform",
            "myspace",
            "application/json",
            json,
            Map.of(),
            404,
            "unknown_platform"),
        new Case("wrong type", "meta", "text/plain", json, Map.of(), 415, "unsupported_media_type"),
        new Case(
            "too large",
            "meta",
            "application/json",
            new byte[1024 * 1024 + 1],
            Map.of(),
            413,
            "payload_too_large"),
        new Case(
            "unsigned", "stripe", "application/json", json, Map.of(), 401, "missing_signature"),
        new Case(
            "wrong signature",
            "meta",
            "application/json",
            json,
            Map.of("X-Hub-Signature-256", "sha256=" + "0".repeat(64)),
            401,
            "invalid_signature"),
        new Case(
            "malformed JSON",
            "meta",
            "application/json",
            utf8(malformed),
            Map.of("X-Hub-Signature-256", metaSig),
            400,
            "malformed_json"),
        new Case(
            "broker never acknowledges",
            valid.platform(),
            valid.contentType(),
            valid.body(),
            signed,
            503,
            "broker_unavailable"));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
