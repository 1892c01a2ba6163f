package io.aegntic.studio.ingest.webhook.tiktok;

import com.fasterxml.jackson.databind.JsonNode;
import io.aegntic.studio.events.EventIds;
import io.aegntic.studio.events.EventPayload;
import io.aegntic.studio.events.EventType;
import io.aegntic.studio.events.Platform;
import io.aegntic.studio.events.StudioEvent;
import io.aegntic.studio.ingest.webhook.Json;
import io.aegntic.studio.ingest.webhook.Normalised;
import io.aegntic.studio.ingest.webhook.Signatures;
import io.aegntic.studio.ingest.webhook.Texts;
import io.aegntic.studio.ingest.webhook.WebhookContext;
import io.aegntic.studio.ingest.webhook.WebhookException;
import java.time.Instant;
import java.util.Optional;

/**
 * Maps TikTok's {@code event}/{@code user_openid}/{@code content} envelope. TikTok pushes publish
 * outcomes only (likes and views come from polling): a post that became public is a post published.
 */
final class TikTokNormaliser {
  private static final Platform TIKTOK = Platform.TIKTOK;

  private final WebhookContext context;

  TikTokNormaliser(WebhookContext context) {
    this.context = context;
  }

  Normalised normalise(byte[] body, Instant receivedAt) {
    JsonNode root = Json.object(body);
    String event = Json.required(root, "event");
    Normalised.Builder out = new Normalised.Builder();
    Optional<String> creator = context.creatorFor(TIKTOK, Json.text(root, "user_openid"));
    if (creator.isEmpty()) {
      return out.deadLetter(dead("unknown_account", "user_openid not mapped", body, receivedAt))
          .build();
    }
    if (!event.equals("post.publish.publicly_available")
        && !event.equals("post.publish.complete")
        && !event.equals("video.publish.completed")) {
      return out.deadLetter(dead("unsupported_event", event, body, receivedAt)).build();
    }
    JsonNode content;
    try {
      // TikTok sends "content" as a JSON document inside a string.
      String raw = Json.text(root, "content");
      content = raw == null ? null : Json.object(Signatures.utf8(raw));
    } catch (WebhookException e) {
      content = null;
    }
    String publish = Json.text(content, "publish_id");
    if (publish == null) {
      return out.deadLetter(dead("invalid_item", "content without publish_id", body, receivedAt))
          .build();
    }
    String post = Json.text(content, "post_id");
    out.event(
        StudioEvent.of(
            EventIds.of(TIKTOK, "post", publish),
            EventType.POST_PUBLISHED,
            TIKTOK,
            creator.get(),
            post != null ? post : publish,
            null,
            Texts.epoch(Json.number(root, "create_time", 0), receivedAt),
            receivedAt,
            new EventPayload.PostPublished(null, null, null, null)));
    return out.build();
  }

  private io.aegntic.studio.events.DeadLetter dead(
      String reason, String detail, byte[] body, Instant receivedAt) {
    return context.deadLetter(TIKTOK, reason, detail, body, receivedAt);
  }
}
