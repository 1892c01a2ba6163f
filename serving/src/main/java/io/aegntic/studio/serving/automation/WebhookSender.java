package io.aegntic.studio.serving.automation;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.util.retry.Retry;

/**
 * POSTs a signed webhook. Retries connection failures, timeouts, 408, 429 and 5xx with exponential
 * backoff and jitter, up to {@code studio.automation.webhook.max-attempts} attempts in all; other
 * answers fail at once. Each attempt is signed with its own timestamp. Targets on private or local
 * networks are refused unless {@code studio.automation.webhook.allow-private-networks} is set.
 */
@Component
class WebhookSender {
  private final WebClient client;
  private final int maxAttempts;
  private final Duration backoff;
  private final Duration timeout;
  private final boolean allowPrivate;

  WebhookSender(
      @Value("${studio.automation.webhook.max-attempts:4}") int maxAttempts,
      @Value("${studio.automation.webhook.backoff:500ms}") Duration backoff,
      @Value("${studio.automation.webhook.timeout:10s}") Duration timeout,
      @Value("${studio.automation.webhook.allow-private-networks:false}") boolean allowPrivate) {
    this.allowPrivate = allowPrivate;
    this.client =
        WebClient.builder()
            .clientConnector(
                new ReactorClientHttpConnector(
                    HttpClient.create().resolver(PublicAddressResolver.group(allowPrivate))))
            .build();
    this.maxAttempts = Math.max(1, maxAttempts);
    this.backoff = backoff;
    this.timeout = timeout;
  }

  /** The outcome: attempts made and, on failure, a short reason (never the response body). */
  record Delivery(boolean delivered, int attempts, String error) {}

  Mono<Delivery> send(String url, String secret, String triggerId, byte[] body) {
    AtomicInteger attempts = new AtomicInteger();
    if (!allowPrivate && privateLiteral(url)) {
      // An IP literal never reaches the resolver, so it is checked here.
      return Mono.just(
          new Delivery(
              false,
              0,
              reason(new PublicAddressResolver.PrivateTargetException(URI.create(url).getHost()))));
    }
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

  private static boolean privateLiteral(String url) {
    String host = URI.create(url).getHost();
    if (host == null) {
      return false;
    }
    byte[] ip = NetUtil.createByteArrayFromIpAddressString(host.replaceAll("^\\[|\\]$", ""));
    try {
      return ip != null && PublicAddressResolver.isPrivate(InetAddress.getByAddress(ip));
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  static boolean retryable(Throwable e) {
    if (refused(e)) {
      return false;
    }
    if (e instanceof WebClientResponseException r) {
      int s = r.getStatusCode().value();
      return s == 408 || s == 429 || s >= 500;
    }
    return e instanceof WebClientRequestException || e instanceof TimeoutException;
  }

  private static boolean refused(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof PublicAddressResolver.PrivateTargetException) {
        return true;
      }
    }
    return false;
  }

  static String reason(Throwable e) {
    if (refused(e)) {
      return "webhook target is on a private or local network (refused; see"
          + " studio.automation.webhook.allow-private-networks)";
    }
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
