package io.aegntic.studio.serving.automation;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * POSTs a signed webhook. Retries connection failures, timeouts, 408, 429 and 5xx with exponential
 * backoff and jitter, up to {@code studio.automation.webhook.max-attempts} attempts in all; other
 * answers fail at once. Each attempt is signed with its own timestamp.
 */
@Component
class WebhookSender {
  private final WebClient client;
  private final int maxAttempts;
  private final Duration backoff;
  private final Duration timeout;

  WebhookSender(
      @Value("${studio.automation.webhook.max-attempts:4}") int maxAttempts,
      @Value("${studio.automation.webhook.backoff:500ms}") Duration backoff,
      @Value("${studio.automation.webhook.timeout:10s}") Duration timeout) {
    this.client = WebClient.builder().build();
    this.maxAttempts = Math.max(1, maxAttempts);
    this.backoff = backoff;
    this.timeout = timeout;
  }

  /** The outcome: attempts made and, on failure, a short reason (never the response body). */
  record Delivery(boolean delivered, int attempts, String error) {}

  Mono<Delivery> send(String url, String secret, String triggerId, byte[] body) {
    AtomicInteger attempts = new AtomicInteger();
    return Mono.defer(
            () -> {
              attempts.incrementAndGet();
              return client
                  .post()
                  .uri(url)
                  .contentType(MediaType.APPLICATION_JSON)
                  .header(
                      WebhookSigner.HEADER,
                      WebhookSigner.sign(secret, Instant.now().getEpochSecond(), body))
                  .header("X-Studio-Trigger-Id", triggerId)
                  .header("User-Agent", "aegntic-studio-webhooks/1")
                  .bodyValue(body)
                  .retrieve()
                  .toBodilessEntity()
                  .timeout(timeout);
            })
        .retryWhen(
            Retry.backoff(maxAttempts - 1L, backoff)
                .maxBackoff(Duration.ofSeconds(30))
                .jitter(0.3)
                .filter(WebhookSender::retryable)
                .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
        .map(response -> new Delivery(true, attempts.get(), null))
        .onErrorResume(e -> Mono.just(new Delivery(false, attempts.get(), reason(e))));
  }

  static boolean retryable(Throwable e) {
    if (e instanceof WebClientResponseException r) {
      int s = r.getStatusCode().value();
      return s == 408 || s == 429 || s >= 500;
    }
    return e instanceof WebClientRequestException || e instanceof TimeoutException;
  }

  static String reason(Throwable e) {
    if (e instanceof WebClientResponseException r) {
      return "webhook answered HTTP " + r.getStatusCode().value();
    }
    if (e instanceof TimeoutException) {
      return "webhook timed out";
    }
    if (e instanceof WebClientRequestException) {
      return "webhook unreachable";
    }
    return "webhook failed: " + e.getClass().getSimpleName();
  }
}
