package io.aegntic.studio.jobs.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.aegntic.studio.events.EventPayload;
import io.aegntic.studio.events.EventType;
import io.aegntic.studio.events.Money;
import io.aegntic.studio.events.Platform;
import io.aegntic.studio.events.StudioEvent;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class StudioEventSerializerTest {
  private static final Instant T = Instant.parse("2026-01-05T10:00:00.123456789Z");

  @Test
  void everyPayloadSurvivesTheRoundTrip() throws Exception {
    TypeSerializer<StudioEvent> serializer =
        JsonTypeInfo.of(StudioEvent.class).createSerializer(new SerializerConfigImpl());
    assertThat(serializer).isInstanceOf(StudioEventSerializer.class);
    List<StudioEvent> events =
        List.of(
            event(
                EventType.POST_PUBLISHED,
                new EventPayload.PostPublished("t", null, List.of("#a", "b"), "u")),
            event(EventType.LIKE, new EventPayload.Interaction(3)),
            event(
                EventType.COMMENT, new EventPayload.Comment("c1", "é long ✓", null, List.of("x"))),
            event(
                EventType.CONTENT_SNAPSHOT,
                new EventPayload.ContentSnapshot(10L, null, 3L, null, 1L, 0L)),
            event(EventType.AUDIENCE_SNAPSHOT, new EventPayload.AudienceSnapshot(42)),
            event(
                EventType.SUBSCRIPTION_UPDATED,
                new EventPayload.Subscription("s", null, "active", new Money(900, "EUR"))),
            event(
                EventType.INVOICE_PAID, new EventPayload.Payment("in", "s", new Money(900, "usd"))),
            event(EventType.CHARGE_REFUNDED, new EventPayload.Refund("ch", new Money(5, "GBP"))));
    DataOutputSerializer out = new DataOutputSerializer(256);
    for (StudioEvent e : events) {
      serializer.serialize(e, out);
    }
    DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
    for (StudioEvent e : events) {
      assertThat(serializer.deserialize(in)).isEqualTo(e);
    }
  }

  private static StudioEvent event(EventType type, EventPayload payload) {
    return StudioEvent.of("id-" + type, type, Platform.STRIPE, "cr", null, "actor", T, T, payload);
  }
}
