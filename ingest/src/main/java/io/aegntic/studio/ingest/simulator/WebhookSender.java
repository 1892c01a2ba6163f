package io.aegntic.studio.ingest.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * POSTs signed deliveries to ingest and retries like the platforms do: on 5xx, 429 or a failed
 * connection, after the Retry-After the server asked for (or an exponential backoff), signing each
 * attempt anew. A 4xx other than 429 is final.
 */
public final class WebhookSender implements AutoCloseable {
  private final HttpClient client;
  private final URI base;
  private final WebhookSigner signer;
  private final Clock clock;
  private final BiConsumer<Draft, Integer> onAcked;
  private final ScheduledExecutorService retries =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "simulator-retries");
            t.setDaemon(true);
            return t;
          });
  private final AtomicLong attempts = new AtomicLong();
  private final AtomicLong acked = new AtomicLong();
  private final AtomicLong retried = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong pending = new AtomicLong();
  private volatile boolean closed;

  /**
   * @param base ingest's address, e.g. http://127.0.0.1:8081
   * @param onAcked called once for each delivery ingest acknowledged (2xx), with the status
   */
  public WebhookSender(URI base, PlatformSecrets secrets, BiConsumer<Draft, Integer> onAcked) {
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    this.base = base;
    this.signer = new WebhookSigner(secrets);
    this.clock = Clock.systemUTC();
    this.onAcked = onAcked;
  }

  /** Sends until acknowledged or finally rejected; completes with the last HTTP status. */
  public CompletableFuture<Integer> send(Draft draft) {
    CompletableFuture<Integer> result = new CompletableFuture<>();
    pending.incrementAndGet();
    result.whenComplete((s, e) -> pending.decrementAndGet());
    try {
      attempt(draft, 1, result);
    } catch (RuntimeException e) {
      result.completeExceptionally(e); // e.g. a secret is missing: not pending forever
      throw e;
    }
    return result;
  }

  private void attempt(Draft draft, int attempt, CompletableFuture<Integer> result) {
    if (closed) {
      result.completeExceptionally(new IllegalStateException("sender closed"));
      return;
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve("/webhooks/" + draft.platform()))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", draft.contentType())
            .header("User-Agent", "studio-platform-simulator")
            .POST(HttpRequest.BodyPublishers.ofByteArray(draft.body()));
    signer.sign(draft, clock.instant()).forEach(request::header);
    attempts.incrementAndGet();
    client
        .sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
        .whenComplete(
            (response, error) -> {
              if (error != null) {
                retryLater(draft, attempt, result, backoff(attempt));
                return;
              }
              int status = response.statusCode();
              if (status >= 200 && status < 300) {
                acked.incrementAndGet();
                onAcked.accept(draft, status);
                result.complete(status);
              } else if (status >= 500 || status == 429) {
                retryLater(draft, attempt, result, retryAfter(response.headers().map(), attempt));
              } else {
                rejected.incrementAndGet();
                result.complete(status);
              }
            });
  }

  private void retryLater(
      Draft draft, int attempt, CompletableFuture<Integer> result, Duration delay) {
    retried.incrementAndGet();
    try {
      retries.schedule(
          () -> attempt(draft, attempt + 1, result), delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      result.completeExceptionally(e); // closed while retrying
    }
  }

  private static Duration retryAfter(Map<String, java.util.List<String>> headers, int attempt) {
    for (Map.Entry<String, java.util.List<String>> h : headers.entrySet()) {
      if (h.getKey().equalsIgnoreCase("Retry-After") && !h.getValue().isEmpty()) {
        try {
          return Duration.ofSeconds(Math.max(0, Long.parseLong(h.getValue().get(0).trim())));
        } catch (NumberFormatException e) {
          break;
        }
      }
    }
    return backoff(attempt);
  }

  private static Duration backoff(int attempt) {
    return Duration.ofMillis(Math.min(30_000, 500L << Math.min(attempt - 1, 6)));
  }

  /** Counters for the status API and tests. */
  public Map<String, Long> stats() {
    return Map.of(
        "attempts", attempts.get(),
        "acked", acked.get(),
        "retried", retried.get(),
        "rejected", rejected.get(),
        "pending", pending.get());
  }

  public long pending() {
    return pending.get();
  }

  @Override
  public void close() {
    closed = true;
    retries.shutdownNow();
  }
}
