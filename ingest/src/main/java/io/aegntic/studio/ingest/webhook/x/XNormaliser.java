package io.aegntic.studio.ingest.webhook.x;

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
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;

/**
 * Maps Account Activity payloads for {@code for_user_id}: own tweets (posts), replies (comments),
 * mentions, retweets and quotes (shares), favorites (likes), follows and unfollows.
 */
final class XNormaliser {
  private static final Platform X = Platform.X;
  private static final DateTimeFormatter CREATED_AT =
      DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ROOT);

  private final WebhookContext context;

  XNormaliser(WebhookContext context) {
    this.context = context;
  }

  Normalised normalise(byte[] body, Instant receivedAt) {
    JsonNode root = Json.object(body);
    String user = Json.required(root, "for_user_id");
    Normalised.Builder out = new Normalised.Builder();
    Optional<String> creator = context.creatorFor(X, user);
    if (creator.isEmpty()) {
      return out.deadLetter(
              context.deadLetter(X, "unknown_account", "for_user_id not mapped", body, receivedAt))
          .build();
    }
    Mapper m = new Mapper(user, creator.get(), receivedAt);
    for (Iterator<String> keys = root.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (key.equals("for_user_id") || key.equals("user_has_blocked")) {
        continue;
      }
      for (JsonNode item : Json.array(root, key)) {
        try {
          StudioEvent event =
              switch (key) {
                case "tweet_create_events" -> m.tweet(item);
                case "favorite_events" -> m.favorite(item);
                case "follow_events" -> m.follow(item);
                default -> null;
              };
          if (event == null) {
            out.deadLetter(
                context.deadLetter(X, "unsupported_event", key, Json.bytes(item), receivedAt));
          } else {
            out.event(event);
          }
        } catch (IllegalArgumentException e) {
          out.deadLetter(
              context.deadLetter(X, "invalid_item", e.getMessage(), Json.bytes(item), receivedAt));
        }
      }
    }
    return out.build();
  }

  /** Maps the items of one delivery for one creator. */
  private final class Mapper {
    final String user;
    final String creator;
    final Instant receivedAt;

    Mapper(String user, String creator, Instant receivedAt) {
      this.user = user;
      this.creator = creator;
      this.receivedAt = receivedAt;
    }

    StudioEvent tweet(JsonNode t) {
      String id = Json.text(t, "id_str");
      String author = Json.path(t, "user", "id_str");
      String text = Json.path(t, "extended_tweet", "full_text");
      text = text != null ? text : Json.text(t, "text");
      Instant time = time(t);
      JsonNode retweeted = t.get("retweeted_status");
      JsonNode quoted = t.get("quoted_status");
      if (user.equals(author)) {
        if (retweeted != null) {
          return null;
        }
        return event(
            EventIds.of(X, "tweet", id),
            EventType.POST_PUBLISHED,
            id,
            null,
            time,
            new EventPayload.PostPublished(null, text, Texts.hashtags(text), null));
      }
      if (retweeted != null && user.equals(Json.path(retweeted, "user", "id_str"))) {
        return share(id, Json.text(retweeted, "id_str"), author, time);
      }
      if (quoted != null && user.equals(Json.path(quoted, "user", "id_str"))) {
        return share(id, Json.text(quoted, "id_str"), author, time);
      }
      boolean reply = user.equals(Json.text(t, "in_reply_to_user_id_str"));
      String parent = Json.text(t, "in_reply_to_status_id_str");
      return event(
          EventIds.of(X, "tweet", id),
          reply ? EventType.COMMENT : EventType.MENTION,
          reply ? parent : null,
          author,
          time,
          new EventPayload.Comment(
              id, text == null ? "" : text, reply ? parent : null, Texts.hashtags(text)));
    }

    StudioEvent favorite(JsonNode f) {
      JsonNode status = f.path("favorited_status");
      if (!user.equals(Json.path(status, "user", "id_str"))) {
        return null;
      }
      return event(
          EventIds.of(X, "favorite", Json.text(f, "id")),
          EventType.LIKE,
          Json.text(status, "id_str"),
          Json.path(f, "user", "id_str"),
          time(f),
          new EventPayload.Interaction(1));
    }

    StudioEvent follow(JsonNode f) {
      String type = Json.text(f, "type");
      if (!user.equals(Json.path(f, "target", "id"))
          || !("follow".equals(type) || "unfollow".equals(type))) {
        return null;
      }
      String source = Json.path(f, "source", "id");
      String created = Json.text(f, "created_timestamp");
      return event(
          EventIds.of(X, type, source, created),
          "follow".equals(type) ? EventType.FOLLOW : EventType.UNFOLLOW,
          null,
          source,
          Texts.epoch(Json.number(f, "created_timestamp", 0), receivedAt),
          new EventPayload.Interaction(1));
    }

    private StudioEvent share(String id, String original, String author, Instant time) {
      return event(
          EventIds.of(X, "tweet", id),
          EventType.SHARE,
          original,
          author,
          time,
          new EventPayload.Interaction(1));
    }

    private Instant time(JsonNode node) {
      long ms = Json.number(node, "timestamp_ms", 0);
      if (ms > 0) {
        return Instant.ofEpochMilli(ms);
      }
      String created = Json.text(node, "created_at");
      try {
        return created == null ? receivedAt : ZonedDateTime.parse(created, CREATED_AT).toInstant();
      } catch (DateTimeParseException e) {
        return receivedAt;
      }
    }

    private StudioEvent event(
        String id, EventType type, String content, String actor, Instant time, EventPayload p) {
      return StudioEvent.of(
          id, type, X, creator, content, context.actor(X, actor), time, receivedAt, p);
    }
  }
}
