package io.aegntic.studio.events;

import java.time.Instant;
import java.util.List;

/**
 * Writes the two records ingest publishes for every webhook, {@link StudioEvent} and {@link
 * DeadLetter}, field by field straight into bytes ({@link Utf8JsonOut}): the same bytes as the
 * mapper's bean serialisation (FastJsonWriterTest compares them), without its reflective getter
 * calls and the JDK's instant formatter.
 */
final class FastJsonWriter {
  private static final ThreadLocal<Utf8JsonOut> OUT = ThreadLocal.withInitial(Utf8JsonOut::new);

  private FastJsonWriter() {}

  static byte[] write(StudioEvent e) {
    Utf8JsonOut out = OUT.get().reset();
    event(out, e);
    return out.toByteArray();
  }

  static byte[] write(DeadLetter d) {
    Utf8JsonOut out = OUT.get().reset();
    deadLetter(out, d);
    return out.toByteArray();
  }

  private static void number(Utf8JsonOut g, String name, long value) {
    g.field(name);
    g.number(value);
  }

  private static void event(Utf8JsonOut g, StudioEvent e) {
    g.startObject();
    text(g, "eventId", e.eventId());
    number(g, "schemaVersion", e.schemaVersion());
    text(g, "type", e.type().id());
    text(g, "platform", e.platform().id());
    text(g, "creatorId", e.creatorId());
    text(g, "contentId", e.contentId());
    text(g, "actorId", e.actorId());
    time(g, "occurredAt", e.occurredAt());
    time(g, "receivedAt", e.receivedAt());
    g.field("payload");
    payload(g, e.payload());
    g.endObject();
  }

  private static void payload(Utf8JsonOut g, EventPayload payload) {
    g.startObject();
    // Java 17: no pattern switch over the sealed payloads.
    if (payload instanceof EventPayload.PostPublished p) {
      text(g, "title", p.title());
      text(g, "text", p.text());
      texts(g, "hashtags", p.hashtags());
      text(g, "url", p.url());
    } else if (payload instanceof EventPayload.Interaction i) {
      number(g, "count", i.count());
    } else if (payload instanceof EventPayload.Comment c) {
      text(g, "commentId", c.commentId());
      text(g, "text", c.text());
      text(g, "parentId", c.parentId());
      texts(g, "hashtags", c.hashtags());
    } else if (payload instanceof EventPayload.ContentSnapshot s) {
      optionalNumber(g, "views", s.views());
      optionalNumber(g, "impressions", s.impressions());
      optionalNumber(g, "likes", s.likes());
      optionalNumber(g, "comments", s.comments());
      optionalNumber(g, "shares", s.shares());
      optionalNumber(g, "saves", s.saves());
    } else if (payload instanceof EventPayload.AudienceSnapshot a) {
      number(g, "followers", a.followers());
    } else if (payload instanceof EventPayload.Subscription s) {
      text(g, "subscriptionId", s.subscriptionId());
      text(g, "customerId", s.customerId());
      text(g, "status", s.status());
      money(g, "monthlyAmount", s.monthlyAmount());
    } else if (payload instanceof EventPayload.Payment p) {
      text(g, "invoiceId", p.invoiceId());
      text(g, "subscriptionId", p.subscriptionId());
      money(g, "amount", p.amount());
    } else if (payload instanceof EventPayload.Refund r) {
      text(g, "chargeId", r.chargeId());
      money(g, "amount", r.amount());
    } else {
      throw new IllegalStateException("no writer for " + payload.getClass().getName());
    }
    g.endObject();
  }

  private static void deadLetter(Utf8JsonOut g, DeadLetter d) {
    g.startObject();
    text(g, "source", d.source());
    text(g, "platform", d.platform());
    text(g, "reason", d.reason());
    text(g, "detail", d.detail());
    time(g, "receivedAt", d.receivedAt());
    text(g, "body", d.body());
    g.endObject();
  }

  // Null fields are left out, as the mapper's NON_NULL inclusion does.
  private static void text(Utf8JsonOut g, String name, String value) {
    if (value != null) {
      g.field(name);
      g.string(value);
    }
  }

  private static void optionalNumber(Utf8JsonOut g, String name, Long value) {
    if (value != null) {
      number(g, name, value);
    }
  }

  private static void time(Utf8JsonOut g, String name, Instant value) {
    if (value != null) {
      text(g, name, IsoInstants.format(value));
    }
  }

  private static void texts(Utf8JsonOut g, String name, List<String> values) {
    if (values != null) {
      g.field(name);
      g.startArray();
      for (String v : values) {
        g.string(v);
      }
      g.endArray();
    }
  }

  private static void money(Utf8JsonOut g, String name, Money m) {
    if (m != null) {
      g.field(name);
      g.startObject();
      number(g, "amountMinor", m.amountMinor());
      text(g, "currency", m.currency());
      g.endObject();
    }
  }
}
