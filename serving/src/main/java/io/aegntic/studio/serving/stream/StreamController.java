package io.aegntic.studio.serving.stream;

import io.aegntic.studio.serving.auth.Tenancy;
import io.aegntic.studio.serving.config.ApiException;
import io.aegntic.studio.serving.config.StudioProperties;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * {@code GET /api/stream}: Server-Sent Events with the signed-in user's metric updates (event
 * {@code metric}, data = MetricUpdate JSON) and alerts (event {@code alert}) for every creator the
 * user owns. The first frame is a {@code connected} comment with a retry hint; heartbeats are
 * comment frames. Resume with the {@code Last-Event-ID} header or the {@code lastEventId} query
 * parameter (EventSource re-created by script cannot set the header).
 */
@RestController
class StreamController {
  private final Tenancy tenancy;
  private final StreamHub hub;
  private final int maxPending;

  StreamController(Tenancy tenancy, StreamHub hub, StudioProperties properties) {
    this.tenancy = tenancy;
    this.hub = hub;
    this.maxPending = properties.stream().maxPending();
  }

  @GetMapping(path = "/api/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  Flux<ServerSentEvent<String>> stream(
      @AuthenticationPrincipal Jwt jwt,
      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventIdHeader,
      @RequestParam(name = "lastEventId", required = false) String lastEventIdParam) {
    Long lastEventId = parse(lastEventIdHeader != null ? lastEventIdHeader : lastEventIdParam);
    return tenancy
        .creators(jwt)
        .flatMapMany(creators -> open(creators, lastEventId))
        .map(StreamEvent::frame);
  }

  private Flux<StreamEvent> open(List<String> creators, Long lastEventId) {
    return Flux.create(
        sink -> {
          ConflatingSubscriber subscriber = new ConflatingSubscriber(maxPending);
          // The hello is queued before registering, so a client that saw it is registered.
          subscriber.offer("hello", new StreamEvent(0, "", StreamEvent.HELLO, "hello", ""));
          hub.subscribe(subscriber, creators, lastEventId);
          sink.onDispose(
              () -> {
                subscriber.cancel();
                hub.unsubscribe(subscriber, creators);
              });
          subscriber.attach(sink);
        },
        FluxSink.OverflowStrategy.ERROR);
  }

  private static Long parse(String id) {
    if (id == null || id.isBlank()) {
      return null;
    }
    try {
      long value = Long.parseLong(id.trim());
      if (value < 0) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("bad_last_event_id", "Last-Event-ID must be a stream event id");
    }
  }
}
