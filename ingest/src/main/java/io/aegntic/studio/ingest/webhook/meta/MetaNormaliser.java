package io.aegntic.studio.ingest.webhook.meta;

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
import io.aegntic.studio.ingest.webhook.WebhookException;
import java.time.Instant;
import java.util.Optional;

/**
 * Maps Meta's {@code object}/{@code entry[]}/{@code changes[]} payloads: Instagram comments and
 * mentions; Facebook page feed posts, comments, reactions, shares and page likes (follows).
 */
final class MetaNormaliser {
  private final WebhookContext context;

  MetaNormaliser(WebhookContext context) {
    this.context = context;
  }

  Normalised normalise(byte[] body, Instant receivedAt) {
    JsonNode root = Json.object(body);
    String object = Json.required(root, "object");
    if (!root.path("entry").isArray()) {
      throw WebhookException.badRequest("invalid_payload", "missing array 'entry'");
    }
    Normalised.Builder out = new Normalised.Builder();
    Platform platform =
        switch (object) {
          case "instagram" -> Platform.INSTAGRAM;
          case "page" -> Platform.FACEBOOK;
          default -> null;
        };
    if (platform == null) {
      return out.deadLetter(
              context.deadLetter(
                  Platform.FACEBOOK, "unsupported_object", "object " + object, body, receivedAt))
          .build();
    }
    for (JsonNode entry : Json.array(root, "entry")) {
      String account = Json.text(entry, "id");
      Optional<String> creator = context.creatorFor(platform, account);
      if (creator.isEmpty()) {
        out.deadLetter(dead(platform, "unknown_account", "entry id not mapped", entry, receivedAt));
        continue;
      }
      Instant time = Texts.epoch(Json.number(entry, "time", 0), receivedAt);
      for (JsonNode change : Json.array(entry, "changes")) {
        Item item = new Item(platform, creator.get(), time, receivedAt, change.path("value"));
        String field = Json.text(change, "field");
        try {
          StudioEvent event =
              platform == Platform.INSTAGRAM ? instagram(field, item) : facebook(field, item);
          if (event == null) {
            out.deadLetter(
                dead(platform, "unsupported_event", "field " + field, change, receivedAt));
          } else {
            out.event(event);
          }
        } catch (IllegalArgumentException e) {
          out.deadLetter(dead(platform, "invalid_item", e.getMessage(), change, receivedAt));
        }
      }
      for (JsonNode message : Json.array(entry, "messaging")) {
        out.deadLetter(dead(platform, "unsupported_event", "messaging", message, receivedAt));
      }
    }
    return out.build();
  }

  private StudioEvent instagram(String field, Item it) {
    JsonNode v = it.value;
    if ("comments".equals(field) || "live_comments".equals(field)) {
      String id = Json.text(v, "id");
      String text = Json.text(v, "text");
      return it.event(
          EventIds.of(it.platform, "comment", id),
          EventType.COMMENT,
          Json.path(v, "media", "id"),
          Json.path(v, "from", "id"),
          it.time,
          new EventPayload.Comment(
              id, text == null ? "" : text, Json.text(v, "parent_id"), Texts.hashtags(text)));
    }
    if ("mentions".equals(field)) {
      String media = Json.text(v, "media_id");
      String comment = Json.text(v, "comment_id");
      String id = comment != null ? comment : media;
      return it.event(
          EventIds.of(it.platform, "mention", String.valueOf(media), String.valueOf(comment)),
          EventType.MENTION,
          media,
          null,
          it.time,
          new EventPayload.Comment(id, "", null, null));
    }
    return null;
  }

  private StudioEvent facebook(String field, Item it) {
    JsonNode v = it.value;
    String item = Json.text(v, "item");
    String verb = Json.text(v, "verb");
    if (!"feed".equals(field) || item == null) {
      return null;
    }
    String post = Json.text(v, "post_id");
    String from = Json.path(v, "from", "id");
    String created = String.valueOf(Json.number(v, "created_time", 0));
    Instant time = Texts.epoch(Json.number(v, "created_time", 0), it.time);
    String text = Json.text(v, "message");
    boolean add = "add".equals(verb);
    return switch (item) {
      case "comment" -> {
        if (!add) {
          yield null;
        }
        String id = Json.text(v, "comment_id");
        String parent = Json.text(v, "parent_id");
        yield it.event(
            EventIds.of(it.platform, "comment", id),
            EventType.COMMENT,
            post,
            from,
            time,
            new EventPayload.Comment(
                id,
                text == null ? "" : text,
                parent != null && !parent.equals(post) ? parent : null,
                Texts.hashtags(text)));
      }
      case "reaction", "like" -> {
        if (post == null) {
          // A like of the page itself: Facebook's closest thing to a follow.
          EventType type = add ? EventType.FOLLOW : EventType.UNFOLLOW;
          String user = from != null ? from : Json.text(v, "user_id");
          yield it.event(
              EventIds.of(it.platform, "page_like", String.valueOf(user), verb, created),
              type,
              null,
              user,
              time,
              new EventPayload.Interaction(1));
        }
        yield add
            ? it.event(
                EventIds.of(it.platform, "reaction", post, String.valueOf(from), created),
                EventType.LIKE,
                post,
                from,
                time,
                new EventPayload.Interaction(1))
            : null;
      }
      case "share" ->
          add
              ? it.event(
                  EventIds.of(
                      it.platform, "share", String.valueOf(post), String.valueOf(from), created),
                  EventType.SHARE,
                  post,
                  from,
                  time,
                  new EventPayload.Interaction(1))
              : null;
      case "status", "photo", "video", "post" ->
          add
              ? it.event(
                  EventIds.of(it.platform, "post", post),
                  EventType.POST_PUBLISHED,
                  post,
                  null,
                  time,
                  new EventPayload.PostPublished(
                      null, text, Texts.hashtags(text), Json.text(v, "link")))
              : null;
      default -> null;
    };
  }

  private io.aegntic.studio.events.DeadLetter dead(
      Platform platform, String reason, String detail, JsonNode item, Instant receivedAt) {
    return context.deadLetter(platform, reason, detail, Json.bytes(item), receivedAt);
  }

  /** One change being mapped, with what every event of it shares. */
  private final class Item {
    final Platform platform;
    final String creator;
    final Instant time;
    final Instant receivedAt;
    final JsonNode value;

    Item(Platform platform, String creator, Instant time, Instant receivedAt, JsonNode value) {
      this.platform = platform;
      this.creator = creator;
      this.time = time;
      this.receivedAt = receivedAt;
      this.value = value;
    }

    StudioEvent event(
        String id,
        EventType type,
        String content,
        String rawActor,
        Instant occurred,
        EventPayload payload) {
      return StudioEvent.of(
          id,
          type,
          platform,
          creator,
          content,
          context.actor(platform, rawActor),
          occurred,
          receivedAt,
          payload);
    }
  }
}
