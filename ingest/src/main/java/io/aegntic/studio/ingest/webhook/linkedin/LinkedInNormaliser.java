package io.aegntic.studio.ingest.webhook.linkedin;

import com.fasterxml.jackson.databind.JsonNode;
import io.aegntic.studio.events.EventIds;
import io.aegntic.studio.events.EventPayload;
import io.aegntic.studio.events.EventType;
import io.aegntic.studio.events.Platform;
import io.aegntic.studio.events.StudioEvent;
import io.aegntic.studio.ingest.webhook.Json;
import io.aegntic.studio.ingest.webhook.Normalised;
import io.aegntic.studio.ingest.webhook.Texts;
import io.aegntic.studio.ingest.webhook.WebhookContext;
import java.time.Instant;
import java.util.Optional;

/**
 * Maps {@code ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS}: likes, comments, shares and mentions of an
 * organization's posts. The account id is the organization urn's numeric id.
 */
final class LinkedInNormaliser {
  static final String SOCIAL_ACTIONS = "ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS";
  private static final Platform LINKEDIN = Platform.LINKEDIN;

  private final WebhookContext context;

  LinkedInNormaliser(WebhookContext context) {
    this.context = context;
  }

  Normalised normalise(byte[] body, Instant receivedAt) {
    JsonNode root = Json.object(body);
    String type = Json.required(root, "type");
    Normalised.Builder out = new Normalised.Builder();
    if (!SOCIAL_ACTIONS.equals(type)) {
      return out.deadLetter(
              context.deadLetter(LINKEDIN, "unsupported_event", type, body, receivedAt))
          .build();
    }
    for (JsonNode n : Json.array(root, "notifications")) {
      Optional<String> creator = context.creatorFor(LINKEDIN, orgId(n));
      if (creator.isEmpty()) {
        out.deadLetter(dead("unknown_account", "organization not mapped", n, receivedAt));
        continue;
      }
      try {
        StudioEvent event = map(n, creator.get(), receivedAt);
        if (event == null) {
          out.deadLetter(dead("unsupported_event", Json.text(n, "action"), n, receivedAt));
        } else {
          out.event(event);
        }
      } catch (IllegalArgumentException e) {
        out.deadLetter(dead("invalid_item", e.getMessage(), n, receivedAt));
      }
    }
    return out.build();
  }

  private StudioEvent map(JsonNode n, String creator, Instant receivedAt) {
    String action = String.valueOf(Json.text(n, "action"));
    JsonNode activity = n.path("decoratedGeneratedActivity");
    JsonNode comment = activity.path("comment");
    JsonNode share = activity.path("share");
    String actor = Json.text(n, "actor");
    EventType type;
    EventPayload payload;
    String commentId = Json.text(n, "generatedActivity");
    switch (action) {
      case "LIKE" -> {
        type = EventType.LIKE;
        payload = new EventPayload.Interaction(1);
      }
      case "SHARE" -> {
        type = EventType.SHARE;
        payload = new EventPayload.Interaction(1);
        actor = actor != null ? actor : Json.text(share, "owner");
      }
      case "COMMENT", "SHARE_MENTION" -> {
        boolean isComment = action.equals("COMMENT");
        JsonNode source = isComment ? comment : share;
        String text = Json.text(source, "text");
        type = isComment ? EventType.COMMENT : EventType.MENTION;
        payload =
            new EventPayload.Comment(
                commentId != null ? commentId : String.valueOf(Json.text(n, "notificationId")),
                text == null ? "" : text,
                null,
                Texts.hashtags(text));
        actor = actor != null ? actor : Json.text(source, "owner");
      }
      default -> {
        return null;
      }
    }
    return StudioEvent.of(
        EventIds.of(LINKEDIN, Json.text(n, "notificationId")),
        type,
        LINKEDIN,
        creator,
        Json.text(n, "sourcePost"),
        context.actor(LINKEDIN, actor),
        Texts.epoch(Json.number(n, "lastModifiedAt", 0), receivedAt),
        receivedAt,
        payload);
  }

  private static String orgId(JsonNode n) {
    String urn = Json.text(n, "organizationalEntity");
    return urn == null ? null : urn.substring(urn.lastIndexOf(':') + 1);
  }

  private io.aegntic.studio.events.DeadLetter dead(
      String reason, String detail, JsonNode item, Instant receivedAt) {
    return context.deadLetter(LINKEDIN, reason, detail, Json.bytes(item), receivedAt);
  }
}
