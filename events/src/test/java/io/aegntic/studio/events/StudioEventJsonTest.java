package io.aegntic.studio.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StudioEventJsonTest {
  private static final Instant AT = Instant.parse("2026-11-26T10:15:30.123Z");
  private static final Money USD = new Money(1999, "usd");

  static Stream<StudioEvent> everyType() {
    return Stream.of(EventType.values()).map(StudioEventJsonTest::sample);
  }

  static StudioEvent sample(EventType type) {
    EventPayload payload =
        switch (type) {
          case POST_PUBLISHED ->
              new EventPayload.PostPublished("Launch", "New video #ai", List.of("ai"), "https://x");
          case LIKE, SHARE, SAVE, VIEW, FOLLOW, UNFOLLOW -> new EventPayload.Interaction(3);
          case COMMENT, MENTION ->
              new EventPayload.Comment("c-1", "love this \uD83D\uDE00", null, List.of("ai"));
          case CONTENT_SNAPSHOT -> new EventPayload.ContentSnapshot(120L, null, 10L, 2L, 1L, 0L);
          case AUDIENCE_SNAPSHOT -> new EventPayload.AudienceSnapshot(4200);
          case SUBSCRIPTION_CREATED, SUBSCRIPTION_UPDATED, SUBSCRIPTION_DELETED ->
              new EventPayload.Subscription("sub_1", "cus_h", "active", USD);
          case INVOICE_PAID -> new EventPayload.Payment("in_1", "sub_1", USD);
          case CHARGE_REFUNDED -> new EventPayload.Refund("ch_1", USD);
        };
    Platform platform =
        type.name().startsWith("SUB")
                || type.name().contains("_PAID")
                || type == EventType.CHARGE_REFUNDED
            ? Platform.STRIPE
            : Platform.YOUTUBE;
    return StudioEvent.of(
        EventIds.of(platform, type.id(), "42"),
        type,
        platform,
        "creator-1",
        "video-9",
        EventIds.actor(platform, "user-7", "salt"),
        AT,
        AT.plusSeconds(2),
        payload);
  }

  @ParameterizedTest
  @MethodSource("everyType")
  void everyEventTypeRoundTrips(StudioEvent event) {
    byte[] json = EventJson.write(event);
    assertThat(EventJson.read(json, StudioEvent.class)).isEqualTo(event);
  }

  @Test
  void writesTypeAndPlatformAsLowerCaseIds() {
    String json = EventJson.writeString(sample(EventType.COMMENT));
    assertThat(json).contains("\"type\":\"comment\"", "\"platform\":\"youtube\"");
    assertThat(json).contains("\"occurredAt\":\"2026-11-26T10:15:30.123Z\"");
  }

  @Test
  void unknownFieldsAreTolerated() {
    String json =
        EventJson.writeString(sample(EventType.LIKE))
            .replaceFirst("\\{", "{\"addedInV2\":{\"x\":1},")
            .replace("\"count\":3", "\"count\":3,\"extra\":true");
    assertThat(EventJson.read(json, StudioEvent.class)).isEqualTo(sample(EventType.LIKE));
  }

  @Test
  void payloadBeforeTypeIsRead() {
    StudioEvent event = sample(EventType.COMMENT);
    String json = EventJson.writeString(event);
    int at = json.indexOf(",\"payload\":");
    String payload = json.substring(at + 1, json.length() - 1);
    String reordered = "{" + payload + "," + json.substring(1, at) + "}";
    assertThat(reordered).startsWith("{\"payload\":");
    assertThat(EventJson.read(reordered, StudioEvent.class)).isEqualTo(event);
  }

  @Test
  void missingOrNullPayloadIsNamed() {
    String json = EventJson.writeString(sample(EventType.LIKE));
    String nulled = json.replaceFirst("\"payload\":\\{[^}]*}", "\"payload\":null");
    assertThat(nulled).contains("\"payload\":null");
    assertThatThrownBy(() -> EventJson.read(nulled, StudioEvent.class))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("'payload'");
    assertThatThrownBy(() -> EventJson.read("[1]", StudioEvent.class))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("must be a JSON object");
  }

  @Test
  void missingEnvelopeFieldIsNamed() {
    String json = EventJson.writeString(sample(EventType.LIKE)).replace("\"creatorId\":", "\"x\":");
    assertThatThrownBy(() -> EventJson.read(json, StudioEvent.class))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("'creatorId'")
        .extracting(e -> ((EventFormatException) e).field())
        .isEqualTo("creatorId");
  }

  @Test
  void missingPayloadFieldIsNamed() {
    String json =
        EventJson.writeString(sample(EventType.COMMENT)).replace("\"commentId\":", "\"x\":");
    assertThatThrownBy(() -> EventJson.read(json, StudioEvent.class))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("'commentId'");
  }

  @Test
  void unknownTypeAndMalformedJsonAreExplained() {
    String json = EventJson.writeString(sample(EventType.LIKE)).replace("\"like\"", "\"poke\"");
    assertThatThrownBy(() -> EventJson.read(json, StudioEvent.class))
        .hasMessageContaining("unknown event type 'poke'");
    assertThatThrownBy(() -> EventJson.read("{\"eventId\":", StudioEvent.class))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("malformed JSON");
  }

  @Test
  void payloadMustMatchType() {
    assertThatThrownBy(
            () ->
                StudioEvent.of(
                    "e",
                    EventType.COMMENT,
                    Platform.X,
                    "c",
                    null,
                    null,
                    AT,
                    AT,
                    new EventPayload.Interaction(1)))
        .hasMessageContaining("must be Comment");
  }

  @Test
  void eventIdsAreDeterministicAndDistinct() {
    assertThat(EventIds.of(Platform.X, "tweet", "1"))
        .isEqualTo(EventIds.of(Platform.X, "tweet", "1"));
    assertThat(EventIds.of(Platform.X, "tweet", "1"))
        .isNotEqualTo(EventIds.of(Platform.X, "tweet1"));
    assertThat(EventIds.of(Platform.X, "a")).hasSize(32);
    assertThat(EventIds.actor(Platform.X, "u", "s1"))
        .isNotEqualTo(EventIds.actor(Platform.X, "u", "s2"));
  }
}
