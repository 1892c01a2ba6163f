package io.aegntic.studio.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantsTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-11-26T10:15:30Z",
        "2026-11-26T10:15:30.1Z",
        "2026-11-26T10:15:30.123Z",
        "2026-11-26T23:59:59.123456Z",
        "2024-02-29T00:00:00.123456789Z",
        "1970-01-01T00:00:00Z",
        "1969-12-31T23:59:59.999Z"
      })
  void readsWhatEventJsonWritesLikeTheJdk(String text) {
    assertThat(IsoInstants.parseUtc(text)).isEqualTo(Instant.parse(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-11-26T10:15:30+00:00",
        "2026-11-26T10:15:30.1+00:00",
        "2015-03-09T22:48:21.123456789+00:00",
        "1969-12-31T23:59:59.999+00:00"
      })
  void readsUtcWrittenAsAZeroOffsetLikeTheJdk(String text) {
    assertThat(IsoInstants.parseUtc(text)).isEqualTo(Instant.parse(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-11-26T10:15:30+01:00",
        "2026-11-26 10:15:30Z",
        "2026-13-26T10:15:30Z",
        "2026-02-30T10:15:30Z",
        "2026-11-26T24:00:00Z",
        "2026-11-26T10:15:30.Z",
        "2026-11-26T10:15:3xZ",
        "+12026-11-26T10:15:30Z",
        "1795688130"
      })
  void leavesEveryOtherFormToJackson(String text) {
    assertThat(IsoInstants.parseUtc(text)).isNull();
  }

  @Test
  void anEventWithANumericTimeIsStillRead() {
    String json =
        EventJson.writeString(StudioEventJsonTest.sample(EventType.LIKE))
            .replace(
                "\"occurredAt\":\"2026-11-26T10:15:30.123Z\"", "\"occurredAt\":1795688130.123");
    assertThat(json).contains("\"occurredAt\":1795688130.123");
    assertThat(EventJson.read(json, StudioEvent.class).occurredAt())
        .isEqualTo(Instant.parse("2026-11-26T10:15:30.123Z"));
  }
}
