package io.aegntic.studio.ingest.webhook;

import io.aegntic.studio.ingest.publish.EventPublisher;
import io.aegntic.studio.ingest.publish.KafkaPublisherProperties;
import io.aegntic.studio.ingest.publish.PublishException;
import io.netty.channel.EventLoop;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;

/**
 * Receives {@code /webhooks/{platform}}: checks content type and size, reads the raw body, lets the
 * platform verify and normalise it, and answers 2xx only after every record was acknowledged.
 */
@Component
class WebhookHandler {
  private static final Logger log = LoggerFactory.getLogger(WebhookHandler.class);

  private final Map<String, PlatformWebhook> platforms;
  private final EventPublisher publisher;
  private final IngestMetrics metrics;
  private final Clock clock;
  private final int maxBody;
  private final String retryAfterSeconds;
  private final AtomicLong lastUnavailableLog = new AtomicLong(System.nanoTime() - 2_000_000_000L);
  private final AtomicLong unavailableSinceLog = new AtomicLong();

  /** One scheduler per Netty event loop (a handful), not one per request. */
  private final Map<EventLoop, Scheduler> answerSchedulers = new ConcurrentHashMap<>();

  WebhookHandler(
      List<PlatformWebhook> platforms,
      EventPublisher publisher,
      IngestMetrics metrics,
      Clock clock,
      WebhookProperties props,
      KafkaPublisherProperties kafka) {
    this.platforms =
        platforms.stream().collect(Collectors.toMap(PlatformWebhook::name, Function.identity()));
    this.publisher = publisher;
    this.metrics = metrics;
    this.clock = clock;
    this.maxBody = (int) props.maxBody().toBytes();
    this.retryAfterSeconds = String.valueOf(Math.max(1, kafka.retryAfter().toSeconds()));
  }

  Mono<ServerResponse> handshake(ServerRequest request) {
    PlatformWebhook platform = platforms.get(request.pathVariable("platform"));
    if (platform == null) {
      return reject("unknown", new WebhookException(404, "unknown_platform", "no such webhook"));
    }
    return Mono.defer(() -> platform.handshake(request))
        .onErrorResume(WebhookException.class, e -> reject(platform.name(), e));
  }

  Mono<ServerResponse> receive(ServerRequest request) {
    PlatformWebhook platform = platforms.get(request.pathVariable("platform"));
    if (platform == null) {
      return reject("unknown", new WebhookException(404, "unknown_platform", "no such webhook"));
    }
    long start = System.nanoTime();
    String name = platform.name();
    metrics.received(name);
    MediaType type = request.headers().contentType().orElse(null);
    if (type == null || !platform.accepts(type)) {
      return reject(name, new WebhookException(415, "unsupported_media_type", wrongType(name)));
    }
    if (request.headers().contentLength().orElse(0) > maxBody) {
      return reject(name, tooLarge());
    }
    HttpHeaders headers = request.headers().asHttpHeaders();
    Scheduler answerOn = eventLoopOf(request);
    return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), maxBody)
        .map(WebhookHandler::bytes)
        .defaultIfEmpty(new byte[0])
        .flatMap(body -> verifyAndPublish(platform, headers, body, answerOn, start))
        .onErrorResume(DataBufferLimitException.class, e -> reject(name, tooLarge()))
        .onErrorResume(WebhookException.class, e -> reject(name, e))
        .onErrorResume(PublishException.class, e -> unavailable(name, e));
  }

  private Mono<ServerResponse> verifyAndPublish(
      PlatformWebhook platform, HttpHeaders headers, byte[] body, Scheduler answerOn, long start) {
    Instant now = clock.instant();
    platform.verify(headers, body, now);
    Normalised normalised = platform.normalise(body, now);
    return publisher
        .publish(normalised.events(), normalised.deadLetters())
        .publishOn(answerOn)
        .then(
            Mono.defer(
                () -> {
                  metrics.accepted(platform.name(), normalised, start);
                  return accepted(normalised);
                }));
  }

  /**
   * {@code {"events":n,"deadLetters":m}}, formatted and written directly: through the codecs a
   * response looks up its writer among every registered one, per request (hot path).
   */
  private static Mono<ServerResponse> accepted(Normalised normalised) {
    byte[] body =
        ("{\"events\":"
                + normalised.events().size()
                + ",\"deadLetters\":"
                + normalised.deadLetters().size()
                + "}")
            .getBytes(StandardCharsets.US_ASCII);
    return ServerResponse.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .contentLength(body.length)
        .build(
            (exchange, context) -> {
              ServerHttpResponse response = exchange.getResponse();
              return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
            });
  }

  /**
   * The Netty event loop of the request's connection. Acknowledgements arrive on the Kafka client's
   * single network thread; the profile showed that thread spending most of its time building and
   * writing HTTP responses instead of talking to the broker. Answering on the connection's own loop
   * costs no extra hop: a write from any other thread is queued to that loop anyway.
   */
  private Scheduler eventLoopOf(ServerRequest request) {
    try {
      Object nativeRequest =
          ServerHttpRequestDecorator.getNativeRequest(request.exchange().getRequest());
      if (nativeRequest instanceof Connection connection) {
        EventLoop loop = connection.channel().eventLoop();
        Scheduler scheduler = answerSchedulers.get(loop);
        return scheduler != null
            ? scheduler
            : answerSchedulers.computeIfAbsent(loop, Schedulers::fromExecutor);
      }
    } catch (IllegalArgumentException notAReactorNettyRequest) {
      // e.g. a mock request in a test: answer where the acknowledgement arrives, as before
    }
    return Schedulers.immediate();
  }

  private Mono<ServerResponse> reject(String platform, WebhookException e) {
    metrics.rejected(platform, e.code());
    log.info("webhook rejected platform={} status={} reason={}", platform, e.status(), e.code());
    return ErrorResponses.error(e);
  }

  private Mono<ServerResponse> unavailable(String platform, PublishException e) {
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
    return ServerResponse.status(503)
        .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            Map.of(
                "error",
                "broker_unavailable",
                "message",
                "the events could not be stored durably; retry later"));
  }

  private WebhookException tooLarge() {
    return new WebhookException(413, "payload_too_large", "the body exceeds " + maxBody + " bytes");
  }

  private static String wrongType(String platform) {
    return "this webhook does not accept that content type (" + platform + ")";
  }

  private static byte[] bytes(DataBuffer buffer) {
    try {
      byte[] bytes = new byte[buffer.readableByteCount()];
      buffer.read(bytes);
      return bytes;
    } finally {
      DataBufferUtils.release(buffer);
    }
  }
}
