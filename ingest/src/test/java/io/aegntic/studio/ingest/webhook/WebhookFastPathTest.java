package io.aegntic.studio.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import reactor.core.publisher.Mono;

/**
 * Which requests the fast path takes: a POST to one plain segment under {@code /webhooks/}; every
 * other request goes to WebFlux untouched.
 */
class WebhookFastPathTest {

  @Test
  void takesOnlyAPostToOnePlainSegmentUnderWebhooks() {
    assertThat(platform("/webhooks/meta")).isEqualTo("meta");
    assertThat(platform("/webhooks/anything-else")).isEqualTo("anything-else");
    assertThat(platform("/webhooks/")).isNull();
    assertThat(platform("/webhooks")).isNull();
    assertThat(platform("/webhooks/meta/extra")).isNull();
    assertThat(platform("/webhooks/me%74a")).isNull();
    assertThat(platform("/webhooks/meta;v=1")).isNull();
    assertThat(platform("/actuator/health")).isNull();
  }

  @Test
  void everythingElseGoesToWebflux() {
    AtomicInteger toWebflux = new AtomicInteger();
    HttpHandler webflux =
        (request, response) -> {
          toWebflux.incrementAndGet();
          return Mono.empty();
        };
    WebhookFastPath fastPath = new WebhookFastPath(webflux, null);
    fastPath
        .handle(MockServerHttpRequest.get("/webhooks/meta").build(), new MockServerHttpResponse())
        .block();
    fastPath
        .handle(
            MockServerHttpRequest.post("/webhooks/meta/extra").build(),
            new MockServerHttpResponse())
        .block();
    assertThat(toWebflux).hasValue(2);
  }

  private static String platform(String path) {
    return WebhookFastPath.platformOf(MockServerHttpRequest.post(path).build());
  }
}
