package io.aegntic.studio.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.aegntic.studio.ingest.publish.EventPublisher;
import io.aegntic.studio.ingest.publish.PublisherSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * A failure of ours (not a rejection, not the broker) is answered 500 {@code internal_server_error}
 * like Boot's error handler answers elsewhere, and nothing of the request or the exception's
 * message reaches the answer.
 */
class WebhookReceiverFailureTest {
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final EventPublisher publisher = (events, deadLetters) -> Mono.empty();
  private final WebhookReceiver receiver =
      new WebhookReceiver(
          List.of(new Failing()),
          publisher,
          new IngestMetrics(meters),
          Clock.systemUTC(),
          TestSetup.props(),
          PublisherSettings.defaults("127.0.0.1:9"));

  @Test
  void anUnexpectedExceptionIsA500ThatEchoesNothing() {
    MockServerHttpResponse response = new MockServerHttpResponse();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    byte[] body = "{\"marker\":1}".getBytes(StandardCharsets.UTF_8);

    receiver
        .receive("failing", headers, Mono.just(body), publisher, Reply.viaSpring(response))
        .block(Duration.ofSeconds(10));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
    String answer = response.getBodyAsString().block(Duration.ofSeconds(10));
    assertThat(answer).startsWith("{\"error\":\"internal_server_error\"");
    assertThat(answer).doesNotContain("marker").doesNotContain("secret detail");
    assertThat(response.getHeaders().getContentLength()).isEqualTo(answer.length());
    assertThat(meters.get("studio.ingest.webhooks.received").counter().count()).isEqualTo(1.0);
  }

  /** A platform whose mapping fails with a bug of ours, its message quoting the request. */
  private static final class Failing implements PlatformWebhook {
    @Override
    public String name() {
      return "failing";
    }

    @Override
    public boolean accepts(MediaType contentType) {
      return MediaType.APPLICATION_JSON.isCompatibleWith(contentType);
    }

    @Override
    public Mono<ServerResponse> handshake(ServerRequest request) {
      return ServerResponse.notFound().build();
    }

    @Override
    public void verify(HttpHeaders headers, byte[] body, Instant now) {}

    @Override
    public Normalised normalise(byte[] body, Instant receivedAt) {
      throw new IllegalStateException("secret detail: " + new String(body, StandardCharsets.UTF_8));
    }
  }
}
