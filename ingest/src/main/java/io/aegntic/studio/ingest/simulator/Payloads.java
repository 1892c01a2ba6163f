package io.aegntic.studio.ingest.simulator;

import io.aegntic.studio.events.EventJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Webhook bodies in each platform's documented wire format. */
final class Payloads {
  private static final DateTimeFormatter X_TIME =
      DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private Payloads() {}

  /** A JSON object from alternating keys and values (insertion order kept). */
  static Map<String, Object> obj(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      if (kv[i + 1] != null) {
        m.put((String) kv[i], kv[i + 1]);
      }
    }
    return m;
  }

  static byte[] json(Object value) {
    return EventJson.write(value);
  }

  static byte[] metaChange(
      String object, String account, Instant time, String field, Object value) {
    Object change = obj("field", field, "value", value);
    Object entry = obj("id", account, "time", time.getEpochSecond(), "changes", List.of(change));
    return json(obj("object", object, "entry", List.of(entry)));
  }

  static byte[] xEvents(String forUser, String key, Object item) {
    return json(obj("for_user_id", forUser, key, List.of(item)));
  }

  static Map<String, Object> tweet(
      String id, String authorId, String text, Instant time, Map<String, Object> extra) {
    Map<String, Object> t =
        obj(
            "created_at", X_TIME.format(time),
            "id_str", id,
            "text", text,
            "timestamp_ms", String.valueOf(time.toEpochMilli()),
            "user", obj("id_str", authorId, "screen_name", "user" + authorId.hashCode()));
    t.putAll(extra);
    return t;
  }

  static byte[] youtubeFeed(String channel, String video, String title, Instant published) {
    String xml =
        "<?xml version='1.0' encoding='UTF-8'?>\n"
            + "<feed xmlns:yt=\"http://www.youtube.com/xml/schemas/2015\""
            + " xmlns=\"http://www.w3.org/2005/Atom\">\n"
            + "  <link rel=\"hub\" href=\"https://pubsubhubbub.appspot.com\"/>\n"
            + "  <link rel=\"self\" href=\"https://www.youtube.com/xml/feeds/videos.xml?channel_id="
            + channel
            + "\"/>\n"
            + "  <title>YouTube video feed</title>\n"
            + "  <updated>"
            + published
            + "</updated>\n"
            + "  <entry>\n"
            + "    <id>yt:video:"
            + video
            + "</id>\n"
            + "    <yt:videoId>"
            + video
            + "</yt:videoId>\n"
            + "    <yt:channelId>"
            + channel
            + "</yt:channelId>\n"
            + "    <title>"
            + escapeXml(title)
            + "</title>\n"
            + "    <link rel=\"alternate\" href=\"https://www.youtube.com/watch?v="
            + video
            + "\"/>\n"
            + "    <published>"
            + published
            + "</published>\n"
            + "    <updated>"
            + published
            + "</updated>\n"
            + "  </entry>\n"
            + "</feed>\n";
    return xml.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] stripeEvent(String id, String type, String account, Instant created, Object data) {
    return json(
        obj(
            "id",
            id,
            "object",
            "event",
            "account",
            account,
            "api_version",
            "2024-06-20",
            "created",
            created.getEpochSecond(),
            "data",
            obj("object", data),
            "livemode",
            false,
            "pending_webhooks",
            1,
            "type",
            type));
  }

  static byte[] tiktok(String openId, String event, Instant time, String publishId, String postId) {
    String content =
        new String(json(obj("publish_id", publishId, "post_id", postId)), StandardCharsets.UTF_8);
    return json(
        obj(
            "client_key", "sbawdemo0000",
            "event", event,
            "create_time", time.getEpochSecond(),
            "user_openid", openId,
            "content", content));
  }

  static byte[] linkedin(Map<String, Object> notification) {
    return json(
        obj(
            "type",
            "ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS",
            "notifications",
            List.of(notification)));
  }

  private static String escapeXml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
