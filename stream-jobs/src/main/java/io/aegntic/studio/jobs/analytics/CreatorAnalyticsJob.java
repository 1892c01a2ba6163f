package io.aegntic.studio.jobs.analytics;

import io.aegntic.studio.events.DeadLetter;
import io.aegntic.studio.events.MetricUpdate;
import io.aegntic.studio.events.StudioEvent;
import io.aegntic.studio.events.Topics;
import io.aegntic.studio.jobs.common.JsonTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The creator analytics job: platform events in, per-minute engagement, audience, trend and revenue
 * metrics out to InfluxDB and {@link Topics#METRICS}, unreadable and too-late input to {@link
 * Topics#DLQ} (comment sentiment is {@link CommentSentimentJob}'s). {@link #build} wires the
 * pipeline from the sources and sinks it is given (tests pass their own); {@link #main} runs it
 * with Kafka and InfluxDB on whatever cluster submits it.
 */
public final class CreatorAnalyticsJob {
  static final String JOB_NAME = "creator-analytics";

  private CreatorAnalyticsJob() {}

  public static void main(String[] args) throws Exception {
    AnalyticsSettings settings = AnalyticsSettings.load(System.getenv(), args);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    configure(env, settings);
    buildWithKafka(env, settings);
    env.execute(JOB_NAME);
  }

  /** Checkpointing (exactly-once, retained on cancel), its storage, and a restart strategy. */
  static void configure(StreamExecutionEnvironment env, AnalyticsSettings settings) {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
    conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, settings.checkpointDir());
    conf.set(
        CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
        ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, Integer.MAX_VALUE);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, settings.restartDelay());
    env.configure(conf);
    env.enableCheckpointing(
        settings.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
    env.setParallelism(settings.parallelism());
    // Flink's default 100 ms lets a half-empty network buffer wait that long before the keyed
    // operators see a record; metrics are read live (docs/flink.md, "Latency").
    env.setBufferTimeout(settings.bufferTimeout().toMillis());
  }

  /** The pipeline on the events topic, InfluxDB, the metrics topic and the dead-letter topic. */
  static void buildWithKafka(StreamExecutionEnvironment env, AnalyticsSettings settings) {
    JobSteps.onKafka(env, settings, CreatorAnalyticsJob::build);
  }

  /** Wires the pipeline; every operator is named and has a stable uid for savepoints. */
  static void build(
      StreamExecutionEnvironment env,
      Source<Incoming, ?, ?> source,
      Sink<MetricUpdate> influx,
      Sink<MetricUpdate> metrics,
      Sink<DeadLetter> deadLetters,
      AnalyticsSettings settings) {
    DataStream<Incoming> incoming = JobSteps.events(env, source, settings);
    SingleOutputStreamOperator<StudioEvent> events =
        incoming
            .process(new SplitDeadLetters(), JsonTypeInfo.of(StudioEvent.class))
            .name("split-dead-letters")
            .uid("split-dead-letters");
    SingleOutputStreamOperator<StudioEvent> unique = JobSteps.deduplicate(events, settings);
    SingleOutputStreamOperator<Contribution> contributions =
        DataStreamUtils.reinterpretAsKeyedStream(unique, EventKeys::of, Types.STRING)
            .process(new ToContributions(), JsonTypeInfo.of(Contribution.class))
            .name("to-contributions")
            .uid("to-contributions");
    // Comment sentiment is CommentSentimentJob's: the model's backpressure stays out of this job.
    SingleOutputStreamOperator<MetricUpdate> updates =
        JobSteps.minuteWindows(contributions, settings);
    SingleOutputStreamOperator<MetricUpdate> trends =
        updates
            .filter(TrendScores::feeds)
            .name("final-engagement")
            .uid("final-engagement")
            .keyBy(TrendScores::key, Types.STRING)
            .transform(
                "trend-scores",
                JsonTypeInfo.of(MetricUpdate.class),
                new TrendScoresOperator(new TrendScores(settings.window())))
            .uid("trend-scores");
    // No union before the sinks: a sink with two inputs cannot be chained, and every update would
    // cross a network channel (JSON-serialised) twice. The windows' updates go to sinks chained
    // to them; trend scores to sinks chained to trend-scores (a Kafka sink of their own, with its
    // own transactional ids; the InfluxDB sink is a stateless factory and is reused).
    updates.sinkTo(influx).name("influxdb").uid("influxdb-sink");
    updates.sinkTo(metrics).name("metrics-topic").uid("metrics-sink");
    trends.sinkTo(influx).name("influxdb-trends").uid("influxdb-trends-sink");
    trends
        .sinkTo(KafkaIo.metricsSink(settings, settings.transactionalIdPrefix() + "-trends"))
        .name("metrics-topic-trends")
        .uid("metrics-trends-sink");
    events
        .getSideOutput(SplitDeadLetters.DEAD_LETTERS)
        .union(JobSteps.tooLate(updates))
        .sinkTo(deadLetters)
        .name("dead-letter-topic")
        .uid("dead-letter-sink");
  }
}
