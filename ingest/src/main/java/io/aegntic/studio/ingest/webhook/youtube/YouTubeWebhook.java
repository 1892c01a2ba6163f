package io.aegntic.studio.ingest.webhook.youtube;

import io.aegntic.studio.events.Platform;
import io.aegntic.studio.ingest.webhook.ErrorResponses;
import io.aegntic.studio.ingest.webhook.Normalised;
import io.aegntic.studio.ingest.webhook.PlatformWebhook;
import io.aegntic.studio.ingest.webhook.SignatureChecks;
import io.aegntic.studio.ingest.webhook.Signatures;
import io.aegntic.studio.ingest.webhook.WebhookContext;
import io.aegntic.studio.ingest.webhook.WebhookException;
import io.aegntic.studio.ingest.webhook.WebhookProperties;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * YouTube push notifications over WebSub: the hub's verification GET is answered only for topics we
 * subscribed to (each mapped channel's feed); notifications carry {@code X-Hub-Signature: sha1=<hex
 * HMAC-SHA1(secret, body)>} ({@code sha256=} accepted too) when a secret is configured.
 */
@Component
class YouTubeWebhook implements PlatformWebhook {
  static final String SIGNATURE = "X-Hub-Signature";
  static final String FEED = "https://www.youtube.com/xml/feeds/videos.xml?channel_id=";
  private static final List<MediaType> TYPES =
      List.of(
          MediaType.APPLICATION_ATOM_XML,
          MediaType.APPLICATION_XML,
          MediaType.TEXT_XML,
          MediaType.valueOf("application/rss+xml"));

  private final String secret;
  private final Set<String> topics = new HashSet<>();
  private final YouTubeNormaliser normaliser;

  YouTubeWebhook(WebhookProperties props, WebhookContext context) {
    this.secret = props.secrets().youtube();
    context.accounts(Platform.YOUTUBE).keySet().forEach(channel -> topics.add(FEED + channel));
    topics.addAll(props.youtubeTopics());
    this.normaliser = new YouTubeNormaliser(context);
  }

  @Override
  public String name() {
    return "youtube";
  }

  @Override
  public boolean accepts(MediaType type) {
    return TYPES.stream().anyMatch(t -> t.isCompatibleWith(type));
  }

  @Override
  public Mono<ServerResponse> handshake(ServerRequest request) {
    String mode = request.queryParam("hub.mode").orElse(null);
    String topic = request.queryParam("hub.topic").orElse(null);
    String challenge = request.queryParam("hub.challenge").orElse(null);
    if (!("subscribe".equals(mode) || "unsubscribe".equals(mode))
        || topic == null
        || challenge == null) {
      return ErrorResponses.error(
          400, "invalid_handshake", "expected hub.mode, hub.topic and hub.challenge");
    }
    if (!topics.contains(topic)) {
      return ErrorResponses.error(404, "unknown_topic", "we did not subscribe to this topic");
    }
    return ServerResponse.ok().contentType(MediaType.TEXT_PLAIN).bodyValue(challenge);
  }

  @Override
  public void verify(HttpHeaders headers, byte[] body, Instant now) {
    if (secret.isBlank()) {
      return; // WebSub signs only when the subscription was made with a secret.
    }
    String header = SignatureChecks.header(headers, SIGNATURE);
    byte[] expected;
    String hex;
    if (header.startsWith("sha1=")) {
      expected = Signatures.hmacSha1(secret, body);
      hex = header.substring("sha1=".length());
    } else if (header.startsWith("sha256=")) {
      expected = Signatures.hmacSha256(secret, body);
      hex = header.substring("sha256=".length());
    } else {
      throw WebhookException.unauthorized("invalid_signature", "expected sha1=<hex>");
    }
    SignatureChecks.require(Signatures.matches(expected, Signatures.fromHex(hex)));
  }

  @Override
  public Normalised normalise(byte[] body, Instant receivedAt) {
    return normaliser.normalise(body, receivedAt);
  }
}
