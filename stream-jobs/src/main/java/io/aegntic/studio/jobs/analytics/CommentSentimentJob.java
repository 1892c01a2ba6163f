package io.aegntic.studio.jobs.analytics;

import io.aegntic.studio.events.DeadLetter;
import io.aegntic.studio.events.MetricUpdate;
import io.aegntic.studio.events.StudioEvent;
import io.aegntic.studio.events.Topics;
import io.aegntic.studio.jobs.common.JsonTypeInfo;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The comment sentiment job: comments and mentions from {@link Topics#EVENTS}, scored by the
 * sentiment model in micro-batches, counted per content and creator per minute into the {@code
 * sentiment} family, out to InfluxDB and {@link Topics#METRICS} like {@link CreatorAnalyticsJob}'s
 * metrics. A job of its own so the model's backpressure under a comment surge never delays
 * engagement, audience or revenue, and so the model scales on its own parallelism (docs/flink.md).
 */
public final class CommentSentimentJob {
  static final String JOB_NAME = "comment-sentiment";

  private CommentSentimentJob() {}

  /** Same arguments as {@link CreatorAnalyticsJob}; its own are the {@code --sentiment-*} ones. */
  public static void main(String[] args) throws Exception {
    AnalyticsSettings settings = AnalyticsSettings.load(System.getenv(), args).forSentimentJob();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    CreatorAnalyticsJob.configure(env, settings);
    buildWithKafka(env, settings);
    env.execute(JOB_NAME);
  }

  /** The pipeline on the events topic, InfluxDB, the metrics topic and the dead-letter topic. */
  static void buildWithKafka(StreamExecutionEnvironment env, AnalyticsSettings settings) {
    JobSteps.onKafka(env, settings, CommentSentimentJob::build);
  }

  /**
   * Wires the pipeline with {@code settings} as this job's ({@link
   * AnalyticsSettings#forSentimentJob}); every operator is named and has a stable uid.
   */
  static void build(
      StreamExecutionEnvironment env,
      Source<Incoming, ?, ?> source,
      Sink<MetricUpdate> influx,
      Sink<MetricUpdate> metrics,
      Sink<DeadLetter> deadLetters,
      AnalyticsSettings settings) {
    // Watermarks come from every event, texts or not, exactly as in the analytics job: the
    // sentiment windows close when the engagement windows do.
    SingleOutputStreamOperator<StudioEvent> withText =
        JobSteps.events(env, source, settings)
            .flatMap(new CommentTexts.WithText(), JsonTypeInfo.of(StudioEvent.class))
            .name("events-with-text")
            .uid("events-with-text");
    SingleOutputStreamOperator<StudioEvent> unique = JobSteps.deduplicate(withText, settings);
    // Chained, no shuffle: texts, then micro-batches across the subtask's keys (ScoreComments).
    DataStream<Contribution> scored =
        unique
            .map(new CommentTexts.ToText(), JsonTypeInfo.of(Contribution.class))
            .name("comment-texts")
            .uid("comment-texts")
            .transform(
                "score-comments",
                JsonTypeInfo.of(Contribution.class),
                new ScoreComments(settings.sentimentBatch(), settings.sentimentMaxWait()))
            .uid("score-comments-batched");
    SingleOutputStreamOperator<MetricUpdate> updates = JobSteps.minuteWindows(scored, settings);
    // Sink uids of their own: a checkpoint of the other job must never hand this one its Kafka
    // transactions.
    updates.sinkTo(influx).name("influxdb").uid("sentiment-influxdb-sink");
    updates.sinkTo(metrics).name("metrics-topic").uid("sentiment-metrics-sink");
    JobSteps.tooLate(updates)
        .sinkTo(deadLetters)
        .name("dead-letter-topic")
        .uid("sentiment-dead-letter-sink");
  }
}
