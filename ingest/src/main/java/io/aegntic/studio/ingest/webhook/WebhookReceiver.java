package io.aegntic.studio.ingest.webhook;

import io.aegntic.studio.ingest.publish.EventPublisher;
import io.aegntic.studio.ingest.publish.KafkaPublisherProperties;
import io.netty.channel.EventLoop;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

/**
 * {@code POST /webhooks/{platform}}: checks content type and size, reads the raw body, lets the
 * platform verify and normalise it, and answers 2xx only after every record was acknowledged. The
 * one implementation, called by {@link WebhookRoute} and by the router's POST route.
 */
@Component
class WebhookReceiver {
  private static final byte[] EMPTY = new byte[0];

  private final Map<String, PlatformWebhook> platforms;
  private final EventPublisher publisher;
  private final IngestMetrics metrics;
  private final Clock clock;
  private final int maxBody;
  private final Rejections rejections;

  /** One publisher per Netty event loop (a handful), not one per request. */
  private final Map<EventLoop, EventPublisher> loopPublishers = new ConcurrentHashMap<>();

  WebhookReceiver(
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
    this.rejections =
        new Rejections(
            metrics, maxBody, String.valueOf(Math.max(1, kafka.retryAfter().toSeconds())));
  }

  /** A POST as WebFlux hands it: the router's route, for what {@link WebhookRoute} leaves. */
  Mono<Void> receive(String platformName, ServerHttpRequest request, Reply response) {
    return receive(
        platformName,
        request.getHeaders(),
        DataBufferUtils.join(request.getBody(), maxBody).map(WebhookReceiver::bytes),
        publisherFor(request),
        response);
  }

  /**
   * The POST logic. {@code body} is subscribed only once the platform, content type and declared
   * length passed; it must fail with {@link
   * org.springframework.core.io.buffer.DataBufferLimitException} beyond the limit (or not deliver
   * more than the declared length). {@code via} is the publisher of the request's loop.
   */
  Mono<Void> receive(
      String platformName,
      HttpHeaders headers,
      Mono<byte[]> body,
      EventPublisher via,
      Reply response) {
    PlatformWebhook platform = platforms.get(platformName);
    if (platform == null) {
      return rejections.reject(
          response, "unknown", new WebhookException(404, "unknown_platform", "no such webhook"));
    }
    long start = System.nanoTime();
    String name = platform.name();
    metrics.received(name);
    MediaType type = contentType(headers);
    if (type == null || !platform.accepts(type)) {
      return rejections.reject(
          response, name, new WebhookException(415, "unsupported_media_type", wrongType(name)));
    }
    if (headers.getContentLength() > maxBody) {
      return rejections.reject(response, name, rejections.tooLarge());
    }
    return body.defaultIfEmpty(EMPTY)
        .flatMap(bytes -> verifyAndPublish(platform, headers, bytes, via, start, response))
        .onErrorResume(e -> rejections.failed(name, e, response));
  }

  private Mono<Void> verifyAndPublish(
      PlatformWebhook platform,
      HttpHeaders headers,
      byte[] body,
      EventPublisher via,
      long start,
      Reply response) {
    Instant now = clock.instant();
    platform.verify(headers, body, now);
    Normalised normalised = platform.normalise(body, now);
    return via.publish(normalised.events(), normalised.deadLetters())
        .then(
            Mono.defer(
                () -> {
                  metrics.accepted(platform.name(), normalised, start);
                  return WebhookAnswers.accepted(response, normalised);
                }));
  }

  /**
   * The publisher of the request's event loop. Acknowledgements arrive on the Kafka client's single
   * network thread; answering on the connection's own loop keeps that thread talking to the broker
   * and costs no extra hop (a write from another thread is queued to that loop anyway), and the
   * calls of one turn of the loop can go to the broker together.
   */
  private EventPublisher publisherFor(ServerHttpRequest request) {
    try {
      if (ServerHttpRequestDecorator.getNativeRequest(request) instanceof Connection connection) {
        return publisherFor(connection.channel().eventLoop());
      }
    } catch (IllegalArgumentException notAReactorNettyRequest) {
      // e.g. a mock request in a test: answer where the acknowledgement arrives
    }
    return publisher;
  }

  EventPublisher publisherFor(EventLoop loop) {
    EventPublisher own = loopPublishers.get(loop);
    return own != null ? own : loopPublishers.computeIfAbsent(loop, publisher::onLoop);
  }

  /** The request's media type; an unparseable header is as unsupported as a wrong one. */
  private static MediaType contentType(HttpHeaders headers) {
    try {
      return headers.getContentType();
    } catch (InvalidMediaTypeException e) {
      return null;
    }
  }

  /** The platform named so in the path, or null when there is none. */
  PlatformWebhook platform(String name) {
    return platforms.get(name);
  }

  /** Counts and logs a rejected request (status and code, never the request), POST or handshake. */
  void countRejected(String platform, WebhookException e) {
    rejections.count(platform, e);
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
