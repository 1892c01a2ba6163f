package io.aegntic.studio.ingest.simulator;

import static io.aegntic.studio.ingest.simulator.Payloads.obj;

import io.aegntic.studio.events.DemoCreators;
import java.time.Instant;
import java.util.Map;
import java.util.Random;

/** Deliveries for interactions on Instagram, Facebook, X and LinkedIn posts, in their formats. */
final class SocialDrafts {
  private final DemoActivity activity;
  private final Random random;

  SocialDrafts(DemoActivity activity) {
    this.activity = activity;
    this.random = activity.random();
  }

  Draft interaction(DemoCreators.Creator c, DemoActivity.Post p, Instant now, int bias, int roll) {
    String user = String.valueOf(9_000_000_000L + random.nextInt(5_000_000));
    String text = SampleTexts.comment(random, bias);
    return switch (p.platform()) {
      case "instagram" ->
          roll < 85
              ? meta(
                  c,
                  "instagram",
                  now,
                  obj(
                      "from",
                      obj("id", user, "username", "fan" + user.substring(6)),
                      "media",
                      obj("id", p.id(), "media_product_type", "FEED"),
                      "id",
                      "179" + activity.id(),
                      "text",
                      text))
              : metaMention(c, p, now);
      case "facebook" -> facebook(c, p, now, user, text, roll);
      case "x" -> x(c, p, now, user, text, roll);
      default -> linkedin(c, p, now, roll < 50 ? "LIKE" : roll < 85 ? "COMMENT" : "SHARE", text);
    };
  }

  Draft facebook(
      DemoCreators.Creator c,
      DemoActivity.Post p,
      Instant now,
      String user,
      String text,
      int roll) {
    Map<String, Object> from = obj("id", user, "name", "Fan " + user.substring(6));
    long t = now.getEpochSecond();
    Map<String, Object> value;
    if (roll < 45) {
      value =
          obj(
              "item",
              "reaction",
              "verb",
              "add",
              "post_id",
              p.id(),
              "reaction_type",
              "like",
              "created_time",
              t,
              "from",
              from);
    } else if (roll < 75) {
      value =
          obj(
              "item",
              "comment",
              "verb",
              "add",
              "post_id",
              p.id(),
              "comment_id",
              p.id() + "_" + activity.id(),
              "parent_id",
              p.id(),
              "message",
              text,
              "created_time",
              t,
              "from",
              from);
    } else if (roll < 85) {
      value =
          obj(
              "item",
              "share",
              "verb",
              "add",
              "post_id",
              p.id(),
              "share_id",
              activity.id(),
              "created_time",
              t,
              "from",
              from);
    } else {
      value =
          obj(
              "item",
              "like",
              "verb",
              roll < 97 ? "add" : "remove",
              "user_id",
              user,
              "created_time",
              t,
              "from",
              from);
    }
    return meta(c, "facebook", now, value);
  }

  Draft x(
      DemoCreators.Creator c,
      DemoActivity.Post p,
      Instant now,
      String user,
      String text,
      int roll) {
    Map<String, Object> mine = obj("id_str", p.id(), "user", obj("id_str", c.x()));
    if (roll < 40) {
      return xDraft(
          c,
          "favorite_events",
          obj(
              "id",
              activity.id(),
              "created_at",
              now.toString(),
              "timestamp_ms",
              now.toEpochMilli(),
              "favorited_status",
              mine,
              "user",
              obj("id_str", user)));
    }
    if (roll < 70) {
      return xDraft(
          c,
          "tweet_create_events",
          Payloads.tweet(
              activity.id(),
              user,
              "@creator " + text,
              now,
              obj("in_reply_to_status_id_str", p.id(), "in_reply_to_user_id_str", c.x())));
    }
    if (roll < 82) {
      return xDraft(
          c,
          "tweet_create_events",
          Payloads.tweet(activity.id(), user, "RT " + p.id(), now, obj("retweeted_status", mine)));
    }
    if (roll < 87) {
      return xDraft(
          c,
          "tweet_create_events",
          Payloads.tweet(activity.id(), user, text + " via @creator", now, Map.of()));
    }
    String type = roll < 97 ? "follow" : "unfollow";
    return xDraft(
        c,
        "follow_events",
        obj(
            "type",
            type,
            "created_timestamp",
            String.valueOf(now.toEpochMilli()),
            "target",
            obj("id", c.x()),
            "source",
            obj("id", user)));
  }

  Draft xDraft(DemoCreators.Creator c, String key, Object item) {
    return new Draft("x", "application/json", Payloads.xEvents(c.x(), key, item), c.id());
  }

  Draft meta(DemoCreators.Creator c, String platform, Instant now, Object value) {
    boolean ig = platform.equals("instagram");
    String field = ig ? "comments" : "feed";
    byte[] body =
        Payloads.metaChange(
            ig ? "instagram" : "page", ig ? c.instagram() : c.facebookPage(), now, field, value);
    return new Draft("meta", "application/json", body, c.id());
  }

  Draft metaMention(DemoCreators.Creator c, DemoActivity.Post p, Instant now) {
    byte[] body =
        Payloads.metaChange(
            "instagram",
            c.instagram(),
            now,
            "mentions",
            obj("media_id", p.id(), "comment_id", "179" + activity.id()));
    return new Draft("meta", "application/json", body, c.id());
  }

  Draft linkedin(
      DemoCreators.Creator c, DemoActivity.Post p, Instant now, String action, String text) {
    String actor = "urn:li:person:demo" + random.nextInt(100_000);
    String n = activity.id();
    Map<String, Object> activity =
        action.equals("COMMENT")
            ? obj(
                "comment",
                obj(
                    "entity",
                    "urn:li:comment:(" + p.id() + "," + n + ")",
                    "text",
                    text,
                    "owner",
                    actor))
            : action.equals("SHARE")
                ? obj("share", obj("entity", "urn:li:share:" + n, "owner", actor))
                : null;
    return new Draft(
        "linkedin",
        "application/json",
        Payloads.linkedin(
            obj(
                "notificationId",
                Long.parseLong(n),
                "organizationalEntity",
                "urn:li:organization:" + c.linkedinOrg(),
                "action",
                action,
                "sourcePost",
                p.id(),
                "generatedActivity",
                action.equals("COMMENT") ? "urn:li:comment:(" + p.id() + "," + n + ")" : null,
                "decoratedGeneratedActivity",
                activity,
                "actor",
                actor,
                "lastModifiedAt",
                now.toEpochMilli())),
        c.id());
  }
}
