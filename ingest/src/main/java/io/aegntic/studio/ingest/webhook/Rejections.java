package io.aegntic.studio.ingest.webhook;

import io.aegntic.studio.ingest.publish.PublishException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import reactor.core.publisher.Mono;

/**
 * How a webhook POST that did not succeed is answered, counted and logged: the documented 4xx
 * rejections, 503 with Retry-After when the broker did not acknowledge (one log line a second
 * during an outage), and 500 for a failure of ours. Logs and answers never carry the request.
 */
final class Rejections {
  // The receiver's category, as before the split: operators filter webhook outcomes by it.
  private static final Logger log = LoggerFactory.getLogger(WebhookReceiver.class);

  private final IngestMetrics metrics;
  private final int maxBody;
  private final String retryAfterSeconds;
  private final AtomicLong lastUnavailableLog = new AtomicLong(System.nanoTime() - 2_000_000_000L);
  private final AtomicLong unavailableSinceLog = new AtomicLong();

  Rejections(IngestMetrics metrics, int maxBody, String retryAfterSeconds) {
    this.metrics = metrics;
    this.maxBody = maxBody;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** The answer to whatever ended a POST's processing with an error. */
  Mono<Void> failed(String platform, Throwable e, Reply response) {
    if (e instanceof WebhookException w) {
      return reject(response, platform, w);
    }
    if (e instanceof DataBufferLimitException) {
      return reject(response, platform, tooLarge());
    }
    if (e instanceof PublishException p) {
      return unavailable(response, platform, p);
    }
    if (response.committed()) {
      // The answer is (partly) out, e.g. the client went away while it was written.
      log.debug(
          "webhook answer not completed platform={} cause={}", platform, e.getClass().getName());
      return Mono.empty();
    }
    // Class only: exception messages (a parser's, say) may quote the request.
    log.error("webhook failed platform={} cause={}", platform, e.getClass().getName());
    return WebhookAnswers.internalError(response);
  }

  /** Counts and logs a rejected request (status and code, never the request), POST or handshake. */
  void count(String platform, WebhookException e) {
    metrics.rejected(platform, e.code());
    log.info("webhook rejected platform={} status={} reason={}", platform, e.status(), e.code());
  }

  Mono<Void> reject(Reply response, String platform, WebhookException e) {
    count(platform, e);
    return WebhookAnswers.rejected(response, e);
  }

  WebhookException tooLarge() {
    return new WebhookException(413, "payload_too_large", "the body exceeds " + maxBody + " bytes");
  }

  private Mono<Void> unavailable(Reply response, String platform, PublishException e) {
    metrics.rejected(platform, "broker_unavailable");
    // During an outage every delivery fails: one line a second, with how many it stands for.
    long now = System.nanoTime();
    long last = lastUnavailableLog.get();
    if (now - last > 1_000_000_000L && lastUnavailableLog.compareAndSet(last, now)) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      log.warn(
          "webhook not acknowledged platform={} reason=broker_unavailable cause={} similarSinceLastLine={}",
          platform,
          cause.getClass().getSimpleName(),
          unavailableSinceLog.getAndSet(0));
    } else {
      unavailableSinceLog.incrementAndGet();
    }
    return WebhookAnswers.unavailable(response, retryAfterSeconds);
  }
}
