package io.aegntic.studio.jobs.examples;

import io.aegntic.studio.events.StudioEvent;
import io.aegntic.studio.events.Topics;
import io.aegntic.studio.jobs.common.JsonTypeInfo;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.PrintSink;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;

/**
 * The example job for the data team (docs/writing-a-job.md): which hashtags a creator's posts and
 * comments use together, per creator and ten-minute event-time window, printed. Small on purpose:
 * copy it, change the operators in the middle, keep the shape.
 */
public final class HashtagCoOccurrenceJob {
  private HashtagCoOccurrenceJob() {}

  /** {@code --kafka-bootstrap host:port} (default $STUDIO_KAFKA_BOOTSTRAP or 127.0.0.1:19092). */
  public static void main(String[] args) throws Exception {
    String bootstrap =
        args.length == 2 && args[0].equals("--kafka-bootstrap")
            ? args[1]
            : System.getenv().getOrDefault("STUDIO_KAFKA_BOOTSTRAP", "127.0.0.1:19092");
    KafkaSource<StudioEvent> source =
        KafkaSource.<StudioEvent>builder()
            .setBootstrapServers(bootstrap)
            .setTopics(Topics.EVENTS)
            .setGroupId("studio-example-hashtag-pairs")
            .setStartingOffsets(OffsetsInitializer.earliest())
            .setDeserializer(new EventsOnly())
            .build();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    build(env, source, new PrintSink<>(), Duration.ofMinutes(10));
    env.execute("hashtag-co-occurrence");
  }

  /** The pipeline, from any source of events to any sink of pair counts. */
  static void build(
      StreamExecutionEnvironment env,
      Source<StudioEvent, ?, ?> source,
      Sink<HashtagPair> sink,
      Duration window) {
    WatermarkStrategy<StudioEvent> eventTime =
        WatermarkStrategy.<StudioEvent>forBoundedOutOfOrderness(Duration.ofSeconds(5))
            .withTimestampAssigner((event, kafkaTime) -> event.occurredAt().toEpochMilli())
            .withIdleness(Duration.ofSeconds(30));
    env.fromSource(source, eventTime, "events", JsonTypeInfo.of(StudioEvent.class))
        .uid("events-source")
        .flatMap(new HashtagPairs(), TypeInformation.of(HashtagPair.class))
        .name("hashtag-pairs")
        .uid("hashtag-pairs")
        .keyBy(HashtagPair::key, Types.STRING)
        .window(TumblingEventTimeWindows.of(window))
        .reduce(
            (a, b) -> new HashtagPair(a.creatorId, a.first, a.second, a.count + b.count),
            new StampWindowEnd(),
            TypeInformation.of(HashtagPair.class))
        .name("count-per-window")
        .uid("count-per-window")
        .sinkTo(sink)
        .name("output")
        .uid("output");
  }
}
