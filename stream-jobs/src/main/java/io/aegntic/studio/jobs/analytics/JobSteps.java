package io.aegntic.studio.jobs.analytics;

import io.aegntic.studio.events.DeadLetter;
import io.aegntic.studio.events.MetricUpdate;
import io.aegntic.studio.events.StudioEvent;
import io.aegntic.studio.events.Topics;
import io.aegntic.studio.jobs.common.JsonTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The steps {@link CreatorAnalyticsJob} and {@link CommentSentimentJob} share, with the same names
 * and uids in both: the events source with its watermarks, deduplication under the job's one key,
 * the minute windows, and their too-late side output as dead letters.
 */
final class JobSteps {
  private JobSteps() {}

  /** A job's {@code build}: its pipeline from the source and sinks it is given. */
  interface Pipeline {
    void build(
        StreamExecutionEnvironment env,
        Source<Incoming, ?, ?> source,
        Sink<MetricUpdate> influx,
        Sink<MetricUpdate> metrics,
        Sink<DeadLetter> deadLetters,
        AnalyticsSettings settings);
  }

  /** Builds a job on the events topic, InfluxDB, the metrics topic and the dead-letter topic. */
  static void onKafka(StreamExecutionEnvironment env, AnalyticsSettings settings, Pipeline job) {
    job.build(
        env,
        KafkaIo.eventSource(settings, Topics.EVENTS, false),
        new InfluxMetricsSink(
            settings.influx(), settings.influxBatchSize(), settings.influxFlushEvery()),
        KafkaIo.metricsSink(settings),
        KafkaIo.deadLetterSink(settings),
        settings);
  }

  static DataStream<Incoming> events(
      StreamExecutionEnvironment env, Source<Incoming, ?, ?> source, AnalyticsSettings settings) {
    return env.fromSource(
            source,
            EventTimeWatermarks.strategy(
                settings.outOfOrderness(), settings.idleness(), settings.watermarkPerEvent()),
            "events",
            JsonTypeInfo.of(Incoming.class))
        .uid("events-source");
  }

  static SingleOutputStreamOperator<StudioEvent> deduplicate(
      DataStream<StudioEvent> events, AnalyticsSettings settings) {
    return events
        .keyBy(EventKeys::of, Types.STRING)
        .process(new DeduplicateEvents(settings.dedupeTtl()), JsonTypeInfo.of(StudioEvent.class))
        .name("deduplicate-events")
        .uid("deduplicate-events");
  }

  /** Chained after the keyed steps: the contributions are still partitioned by the job's key. */
  static SingleOutputStreamOperator<MetricUpdate> minuteWindows(
      DataStream<Contribution> contributions, AnalyticsSettings settings) {
    return DataStreamUtils.reinterpretAsKeyedStream(contributions, Contribution::key, Types.STRING)
        .process(
            new MinuteWindows(settings.window(), settings.allowedLateness(), settings.earlyEvery()),
            JsonTypeInfo.of(MetricUpdate.class))
        .name("minute-windows")
        .uid("minute-windows");
  }

  static SingleOutputStreamOperator<DeadLetter> tooLate(
      SingleOutputStreamOperator<MetricUpdate> updates) {
    return updates
        .getSideOutput(MinuteWindows.TOO_LATE)
        .map(new TooLateToDeadLetter(), JsonTypeInfo.of(DeadLetter.class))
        .name("too-late-to-dead-letters")
        .uid("too-late-to-dead-letters");
  }
}
