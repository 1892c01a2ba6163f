package io.aegntic.studio.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The fast writer must give the mapper's bytes exactly, for every payload and field shape. */
class FastJsonWriterTest {
  private static final String ODD = "q\"uote \\ back\u0001ctl\n\t caf\u00e9 \uD83D\uDE00 </script>";
  private static final Instant AT = Instant.parse("2026-11-26T10:15:30.123Z");
  private static final Money EUR = new Money(250, "eur");

  /**
   * Every ASCII character, the control characters among them, and the edges of 2- and 3-byte UTF-8.
   */
  private static final String ALL_ASCII_AND_EDGES = allAsciiAndEdges();

  /** A lone half of a surrogate pair: Jackson escapes it (as it does each half of a pair). */
  private static final String LONE_SURROGATE = "before \uD83D after";

  private static String allAsciiAndEdges() {
    StringBuilder s = new StringBuilder();
    for (char c = 0; c < 0x80; c++) {
      s.append(c);
    }
    return s.append("\u0080\u07FF\u0800\u2028\u2029\uD7FF\uE000\uFFFD\uFFFF").toString();
  }

  static Stream<StudioEvent> events() {
    List<StudioEvent> out = new ArrayList<>();
    StudioEventJsonTest.everyType().forEach(out::add);
    List<EventPayload> payloads =
        List.of(
            new EventPayload.PostPublished(null, null, null, null),
            new EventPayload.PostPublished(ODD, ODD, List.of(ODD, "", "x"), ODD),
            new EventPayload.Comment("c", "", "parent-1", List.of()),
            new EventPayload.Comment(ODD, ODD, ODD, List.of(ODD)),
            new EventPayload.Comment(
                ALL_ASCII_AND_EDGES, ALL_ASCII_AND_EDGES, null, List.of(ALL_ASCII_AND_EDGES)),
            new EventPayload.Comment("c", "no surrogate here", null, List.of("\uD83D\uDE00")),
            new EventPayload.Comment("c", LONE_SURROGATE, null, List.of("\uDE00")),
            new EventPayload.ContentSnapshot(null, null, null, null, null, null),
            new EventPayload.ContentSnapshot(Long.MAX_VALUE, 0L, Long.MIN_VALUE, 1L, 2L, 3L),
            new EventPayload.AudienceSnapshot(0),
            new EventPayload.Interaction(Long.MAX_VALUE),
            new EventPayload.Subscription("s", null, ODD, EUR),
            new EventPayload.Payment("in", null, EUR),
            new EventPayload.Refund(ODD, new Money(-5, "usd")));
    for (EventPayload p : payloads) {
      EventType type =
          Stream.of(EventType.values())
              .filter(t -> t.payloadType().isInstance(p))
              .findFirst()
              .get();
      out.add(StudioEvent.of(ODD, type, Platform.X, ODD, null, null, AT, AT, p));
    }
    for (Instant t : instants()) {
      out.add(
          StudioEvent.of(
              "e",
              EventType.LIKE,
              Platform.TIKTOK,
              "c",
              "p",
              "a",
              t,
              t,
              new EventPayload.Interaction(1)));
    }
    return out.stream();
  }

  static List<Instant> instants() {
    return List.of(
        Instant.EPOCH,
        Instant.ofEpochSecond(0, 1),
        Instant.ofEpochSecond(-1, 500_000_000),
        Instant.parse("2026-11-26T10:15:30Z"),
        Instant.parse("2026-11-26T10:15:30.100Z"),
        Instant.parse("2026-11-26T10:15:30.000100Z"),
        Instant.parse("2026-11-26T10:15:30.000000100Z"),
        Instant.parse("2024-02-29T23:59:59.999999999Z"),
        Instant.parse("0000-01-01T00:00:00Z"),
        Instant.parse("9999-12-31T23:59:59.999Z"),
        Instant.parse("+10000-01-01T00:00:00Z"),
        Instant.parse("-0001-12-31T23:59:59Z"),
        Instant.MIN,
        Instant.MAX);
  }

  @ParameterizedTest
  @MethodSource("events")
  void writesWhatTheMapperWrites(StudioEvent event) {
    assertThat(text(EventJson.write(event))).isEqualTo(text(EventJson.mapped(event)));
    assertThat(EventJson.read(EventJson.write(event), StudioEvent.class)).isEqualTo(event);
  }

  @Test
  void deadLettersAsTheMapperWritesThem() {
    for (DeadLetter d :
        List.of(
            new DeadLetter("webhook", null, "r", null, AT, null),
            new DeadLetter(ODD, ODD, ODD, ODD, Instant.ofEpochSecond(5, 7), "e30="),
            new DeadLetter("w", "x", "r", ALL_ASCII_AND_EDGES, AT, "x".repeat(100_000)))) {
      assertThat(text(EventJson.write(d))).isEqualTo(text(EventJson.mapped(d)));
    }
  }

  @Test
  void instantsAsIsoInstantWritesThem() {
    SplittableRandom random = new SplittableRandom(7);
    List<Instant> all = new ArrayList<>(instants());
    for (int i = 0; i < 20_000; i++) {
      long seconds = random.nextLong(-62_167_219_200L, 253_402_300_800L); // years 0000..9999
      int nanos =
          switch (i % 4) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            default -> random.nextInt(1_000_000_000);
          };
      all.add(Instant.ofEpochSecond(seconds, nanos));
    }
    for (Instant t : all) {
      assertThat(IsoInstants.format(t)).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(t));
    }
  }

  private static String text(byte[] json) {
    return new String(json, StandardCharsets.UTF_8);
  }
}
