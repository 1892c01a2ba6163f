package io.aegntic.studio.jobs.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.aegntic.studio.events.EventPayload;
import io.aegntic.studio.events.EventType;
import io.aegntic.studio.events.Platform;
import io.aegntic.studio.events.StudioEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;

class HashtagPairsTest {

  @Test
  void everyDistinctPairOnceInOrderIgnoringCaseAndHash() {
    List<HashtagPair> out = new ArrayList<>();
    new HashtagPairs().flatMap(comment("#Launch", "ai", "launch", "#Tips"), collector(out));

    assertThat(out)
        .extracting(p -> p.first, p -> p.second, p -> p.count)
        .containsExactly(
            tuple("ai", "launch", 1L), tuple("ai", "tips", 1L), tuple("launch", "tips", 1L));
  }

  @Test
  void eventsWithoutTwoTagsGiveNothing() {
    List<HashtagPair> out = new ArrayList<>();
    new HashtagPairs().flatMap(comment("#solo"), collector(out));
    assertThat(out).isEmpty();
  }

  static StudioEvent comment(String... tags) {
    Instant t = Instant.parse("2026-01-05T10:00:00Z");
    return StudioEvent.of(
        "e-" + String.join("", tags),
        EventType.COMMENT,
        Platform.X,
        "pairs-creator",
        "post-1",
        "a",
        t,
        t,
        new EventPayload.Comment("c1", "hi", null, List.of(tags)));
  }

  private static Collector<HashtagPair> collector(List<HashtagPair> out) {
    return new Collector<>() {
      @Override
      public void collect(HashtagPair record) {
        out.add(record);
      }

      @Override
      public void close() {}
    };
  }
}
