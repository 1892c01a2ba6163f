package io.aegntic.studio.jobs.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.aegntic.studio.events.EventJson;
import io.aegntic.studio.events.EventPayload;
import io.aegntic.studio.events.EventType;
import io.aegntic.studio.events.Platform;
import io.aegntic.studio.events.StudioEvent;
import io.aegntic.studio.jobs.common.CollectingSink;
import io.aegntic.studio.jobs.common.JsonTypeInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The example job end to end on a MiniCluster, from a bounded in-memory source. */
class HashtagCoOccurrenceJobTest {
  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(1)
              .build());

  private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

  @Test
  void countsPairsPerCreatorAndWindow() throws Exception {
    List<String> input =
        List.of(
            post("e1", "alice", 0, "#launch", "#ai"),
            post("e2", "alice", 120, "ai", "Launch", "tips"),
            post("e3", "bob", 60, "#launch", "#ai"),
            post("e4", "alice", 700, "#ai", "#launch")); // the next ten minutes
    DataGeneratorSource<StudioEvent> source =
        new DataGeneratorSource<>(
            i -> EventJson.read(input.get(i.intValue()), StudioEvent.class),
            input.size(),
            JsonTypeInfo.of(StudioEvent.class));
    CollectingSink<HashtagPair> sink = CollectingSink.create();

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    HashtagCoOccurrenceJob.build(env, source, sink, Duration.ofMinutes(10));
    env.execute("hashtag-pairs-test");

    long w1 = T0.plusSeconds(600).toEpochMilli();
    long w2 = T0.plusSeconds(1200).toEpochMilli();
    assertThat(sink.values())
        .extracting(p -> p.creatorId, p -> p.first, p -> p.second, p -> p.count, p -> p.windowEnd)
        .containsExactlyInAnyOrder(
            tuple("alice", "ai", "launch", 2L, w1),
            tuple("alice", "ai", "tips", 1L, w1),
            tuple("alice", "launch", "tips", 1L, w1),
            tuple("bob", "ai", "launch", 1L, w1),
            tuple("alice", "ai", "launch", 1L, w2));
  }

  private static String post(String id, String creator, long seconds, String... tags) {
    Instant t = T0.plusSeconds(seconds);
    return EventJson.writeString(
        StudioEvent.of(
            id,
            EventType.POST_PUBLISHED,
            Platform.INSTAGRAM,
            creator,
            "post-" + id,
            null,
            t,
            t,
            new EventPayload.PostPublished("t", "x", List.of(tags), null)));
  }
}
