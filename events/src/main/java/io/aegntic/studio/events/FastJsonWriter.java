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
 * DeadLetter}, field by field: the same bytes as the mapper's bean serialisation
 * (FastJsonWriterTest compares them), without its reflective getter calls and the JDK's instant
 * formatter. The bytes are written directly ({@link Utf8JsonOut}); a record with a surrogate in a
 * string goes through Jackson's generator instead, which encodes a pair and has its own way with a
 * lone half.
 */
final class FastJsonWriter {
  private static final ThreadLocal<Utf8JsonOut> OUT = ThreadLocal.withInitial(Utf8JsonOut::new);

  private FastJsonWriter() {}

  static byte[] write(JsonFactory factory, StudioEvent e) {
    return write(factory, g -> event(g, e));
  }

  static byte[] write(JsonFactory factory, DeadLetter d) {
    return write(factory, g -> deadLetter(g, d));
  }

  private interface Body {
    void write(JsonOut g) throws IOException;
  }

  private static byte[] write(JsonFactory factory, Body body) {
    try {
      Utf8JsonOut out = OUT.get().reset();
      try {
        body.write(out);
        return out.toByteArray();
      } catch (Utf8JsonOut.Surrogate s) {
        return withJackson(factory, body);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // an in-memory buffer does not fail
    }
  }

  private static byte[] withJackson(JsonFactory factory, Body body) throws IOException {
    try (ByteArrayBuilder out = new ByteArrayBuilder(factory._getBufferRecycler(), 512)) {
      try (JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8)) {
        body.write(new JacksonOut(g));
      }
      byte[] bytes = out.toByteArray();
      out.release();
      return bytes;
    }
  }

  private static void number(JsonOut g, String name, long value) throws IOException {
    g.field(name);
    g.number(value);
  }

  private static void event(JsonOut g, StudioEvent e) throws IOException {
    g.startObject();
    text(g, "eventId", e.eventId());
    number(g, "schemaVersion", (long) e.schemaVersion());
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

  private static void payload(JsonOut g, EventPayload payload) throws IOException {
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
      number(g, "views", s.views());
      number(g, "impressions", s.impressions());
      number(g, "likes", s.likes());
      number(g, "comments", s.comments());
      number(g, "shares", s.shares());
      number(g, "saves", s.saves());
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

  private static void deadLetter(JsonOut g, DeadLetter d) throws IOException {
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
  private static void text(JsonOut g, String name, String value) throws IOException {
    if (value != null) {
      g.field(name);
      g.string(value);
    }
  }

  private static void number(JsonOut g, String name, Long value) throws IOException {
    if (value != null) {
      g.field(name);
      g.number(value);
    }
  }

  private static void time(JsonOut g, String name, Instant value) throws IOException {
    if (value != null) {
      text(g, name, IsoInstants.format(value));
    }
  }

  private static void texts(JsonOut g, String name, List<String> values) throws IOException {
    if (values != null) {
      g.field(name);
      g.startArray();
      for (String v : values) {
        g.string(v);
      }
      g.endArray();
    }
  }

  private static void money(JsonOut g, String name, Money m) throws IOException {
    if (m != null) {
      g.field(name);
      g.startObject();
      number(g, "amountMinor", m.amountMinor());
      text(g, "currency", m.currency());
      g.endObject();
    }
  }
}
