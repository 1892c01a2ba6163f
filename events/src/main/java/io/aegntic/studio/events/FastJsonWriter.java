package io.aegntic.studio.events;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * Writes the two records ingest publishes for every webhook, {@link StudioEvent} and {@link
 * DeadLetter}, field by field on Jackson's streaming generator: the same bytes as the mapper's bean
 * serialisation (FastJsonWriterTest compares them), without its reflective getter calls and the
 * JDK's instant formatter, which together were most of ingest's serialising cost.
 */
final class FastJsonWriter {
  private FastJsonWriter() {}

  static byte[] write(JsonFactory factory, StudioEvent e) {
    return write(factory, g -> event(g, e));
  }

  static byte[] write(JsonFactory factory, DeadLetter d) {
    return write(factory, g -> deadLetter(g, d));
  }

  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private static byte[] write(JsonFactory factory, Body body) {
    try (ByteArrayBuilder out = new ByteArrayBuilder(factory._getBufferRecycler(), 512)) {
      try (JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8)) {
        body.write(g);
      }
      byte[] bytes = out.toByteArray();
      out.release();
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e); // an in-memory buffer does not fail
    }
  }

  private static void event(JsonGenerator g, StudioEvent e) throws IOException {
    g.writeStartObject();
    g.writeStringField("eventId", e.eventId());
    g.writeNumberField("schemaVersion", e.schemaVersion());
    g.writeStringField("type", e.type().id());
    g.writeStringField("platform", e.platform().id());
    g.writeStringField("creatorId", e.creatorId());
    text(g, "contentId", e.contentId());
    text(g, "actorId", e.actorId());
    time(g, "occurredAt", e.occurredAt());
    time(g, "receivedAt", e.receivedAt());
    g.writeFieldName("payload");
    payload(g, e.payload());
    g.writeEndObject();
  }

  private static void payload(JsonGenerator g, EventPayload payload) throws IOException {
    g.writeStartObject();
    // Java 17: no pattern switch over the sealed payloads.
    if (payload instanceof EventPayload.PostPublished p) {
      text(g, "title", p.title());
      text(g, "text", p.text());
      texts(g, "hashtags", p.hashtags());
      text(g, "url", p.url());
    } else if (payload instanceof EventPayload.Interaction i) {
      g.writeNumberField("count", i.count());
    } else if (payload instanceof EventPayload.Comment c) {
      text(g, "commentId", c.commentId());
      text(g, "text", c.text());
      text(g, "parentId", c.parentId());
      texts(g, "hashtags", c.hashtags());
    } else if (payload instanceof EventPayload.ContentSnapshot s) {
      number(g, "views", s.views());
      number(g, "impressions", s.impressions());
      number(g, "likes", s.likes());
      number(g, "comments", s.comments());
      number(g, "shares", s.shares());
      number(g, "saves", s.saves());
    } else if (payload instanceof EventPayload.AudienceSnapshot a) {
      g.writeNumberField("followers", a.followers());
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
    g.writeEndObject();
  }

  private static void deadLetter(JsonGenerator g, DeadLetter d) throws IOException {
    g.writeStartObject();
    text(g, "source", d.source());
    text(g, "platform", d.platform());
    text(g, "reason", d.reason());
    text(g, "detail", d.detail());
    time(g, "receivedAt", d.receivedAt());
    text(g, "body", d.body());
    g.writeEndObject();
  }

  // Null fields are left out, as the mapper's NON_NULL inclusion does.
  private static void text(JsonGenerator g, String name, String value) throws IOException {
    if (value != null) {
      g.writeStringField(name, value);
    }
  }

  private static void number(JsonGenerator g, String name, Long value) throws IOException {
    if (value != null) {
      g.writeNumberField(name, value.longValue());
    }
  }

  private static void time(JsonGenerator g, String name, Instant value) throws IOException {
    if (value != null) {
      g.writeStringField(name, IsoInstants.format(value));
    }
  }

  private static void texts(JsonGenerator g, String name, List<String> values) throws IOException {
    if (values != null) {
      g.writeArrayFieldStart(name);
      for (String v : values) {
        g.writeString(v);
      }
      g.writeEndArray();
    }
  }

  private static void money(JsonGenerator g, String name, Money m) throws IOException {
    if (m != null) {
      g.writeObjectFieldStart(name);
      g.writeNumberField("amountMinor", m.amountMinor());
      g.writeStringField("currency", m.currency());
      g.writeEndObject();
    }
  }
}
