package io.aegntic.studio.jobs.analytics;

import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.util.TimeUtils;

/**
 * Everything the job can be told, from the studio's environment variables (STUDIO_*) and overridden
 * by {@code --name value} arguments; docs/flink.md lists them. Durations read like {@code 10s},
 * {@code 5 min}.
 */
record AnalyticsSettings(
    String kafkaBootstrap,
    String groupId,
    String transactionalIdPrefix,
    InfluxTarget influx,
    Duration checkpointInterval,
    Duration restartDelay,
    String dataDir,
    String checkpointDir,
    int parallelism,
    Duration window,
    Duration outOfOrderness,
    Duration idleness,
    Duration allowedLateness,
    Duration earlyEvery,
    Duration dedupeTtl,
    int influxBatchSize,
    Duration influxFlushEvery,
    boolean watermarkPerEvent,
    int webUiPort,
    boolean sentiment,
    int sentimentBatch,
    Duration sentimentMaxWait,
    Duration bufferTimeout,
    SentimentJob sentimentJob)
    implements Serializable {

  /**
   * What {@link CommentSentimentJob} has of its own: a job on the same topic needs its own consumer
   * group, transactional ids and checkpoints, and the model scales on its own parallelism.
   */
  record SentimentJob(
      String groupId, String transactionalIdPrefix, String checkpointDir, int parallelism)
      implements Serializable {}

  /** The settings as {@link CommentSentimentJob} uses them: its group, ids, checkpoints, tasks. */
  AnalyticsSettings forSentimentJob() {
    SentimentJob s = sentimentJob;
    return new AnalyticsSettings(
        kafkaBootstrap,
        s.groupId(),
        s.transactionalIdPrefix(),
        influx,
        checkpointInterval,
        restartDelay,
        dataDir,
        s.checkpointDir(),
        s.parallelism(),
        window,
        outOfOrderness,
        idleness,
        allowedLateness,
        earlyEvery,
        dedupeTtl,
        influxBatchSize,
        influxFlushEvery,
        watermarkPerEvent,
        webUiPort,
        sentiment,
        sentimentBatch,
        sentimentMaxWait,
        bufferTimeout,
        s);
  }

  /** Reads the environment, then the arguments (which win). */
  static AnalyticsSettings load(Map<String, String> env, String[] args) {
    Map<String, String> a = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --name value, got '" + args[i] + "'");
      }
      a.put(args[i].substring(2), args[i + 1]);
    }
    if (args.length % 2 != 0) {
      throw new IllegalArgumentException("argument " + args[args.length - 1] + " has no value");
    }
    String home = env.getOrDefault("STUDIO_HOME", ".");
    String data = env.getOrDefault("STUDIO_DATA_DIR", Path.of(home, ".studio").toString());
    Source s = new Source(env, a);
    return new AnalyticsSettings(
        s.text("kafka-bootstrap", "STUDIO_KAFKA_BOOTSTRAP", "127.0.0.1:19092"),
        s.text("group-id", "STUDIO_ANALYTICS_GROUP_ID", "studio-analytics"),
        s.text("transactional-id-prefix", "STUDIO_ANALYTICS_TX_PREFIX", "studio-analytics"),
        new InfluxTarget(
            s.text("influx-url", "STUDIO_INFLUX_URL", "http://127.0.0.1:18086"),
            s.text("influx-db", "STUDIO_INFLUX_DB", "studio"),
            s.text("influx-user", "STUDIO_INFLUX_USER", ""),
            s.text("influx-password", "STUDIO_INFLUX_PASSWORD", "")),
        s.duration("checkpoint-interval", "STUDIO_ANALYTICS_CHECKPOINT_INTERVAL", "10s"),
        s.duration("restart-delay", "STUDIO_ANALYTICS_RESTART_DELAY", "5s"),
        data,
        s.text(
            "checkpoint-dir",
            "STUDIO_ANALYTICS_CHECKPOINT_DIR",
            Path.of(data, "flink", "checkpoints").toAbsolutePath().toUri().toString()),
        Integer.parseInt(s.text("parallelism", "STUDIO_ANALYTICS_PARALLELISM", "2")),
        s.duration("window", "STUDIO_ANALYTICS_WINDOW", "1 min"),
        s.duration("out-of-orderness", "STUDIO_ANALYTICS_OUT_OF_ORDERNESS", "5s"),
        s.duration("idleness", "STUDIO_ANALYTICS_IDLENESS", "30s"),
        s.duration("allowed-lateness", "STUDIO_ANALYTICS_ALLOWED_LATENESS", "5 min"),
        s.duration("early-every", "STUDIO_ANALYTICS_EARLY_EVERY", "250ms"),
        s.duration("dedupe-ttl", "STUDIO_ANALYTICS_DEDUPE_TTL", "4 d"),
        Integer.parseInt(s.text("influx-batch-size", "STUDIO_ANALYTICS_INFLUX_BATCH", "5000")),
        s.duration("influx-flush-every", "STUDIO_ANALYTICS_INFLUX_FLUSH_EVERY", "1s"),
        Boolean.parseBoolean(
            s.text("watermark-per-event", "STUDIO_ANALYTICS_WM_PER_EVENT", "false")),
        Integer.parseInt(s.text("web-ui-port", "STUDIO_FLINK_UI_PORT", "8082")),
        s.onOff("sentiment", "STUDIO_SENTIMENT", "on"),
        Integer.parseInt(s.text("sentiment-batch", "STUDIO_SENTIMENT_BATCH", "32")),
        s.duration("sentiment-max-wait", "STUDIO_SENTIMENT_MAX_WAIT", "100ms"),
        s.duration("buffer-timeout", "STUDIO_ANALYTICS_BUFFER_TIMEOUT", "20ms"),
        new SentimentJob(
            s.text("sentiment-group-id", "STUDIO_SENTIMENT_GROUP_ID", "studio-sentiment"),
            s.text(
                "sentiment-transactional-id-prefix",
                "STUDIO_SENTIMENT_TX_PREFIX",
                "studio-sentiment"),
            s.text(
                "sentiment-checkpoint-dir",
                "STUDIO_SENTIMENT_CHECKPOINT_DIR",
                Path.of(data, "flink", "checkpoints-sentiment")
                    .toAbsolutePath()
                    .toUri()
                    .toString()),
            Integer.parseInt(
                s.text("sentiment-parallelism", "STUDIO_SENTIMENT_PARALLELISM", "2"))));
  }

  /** Arguments first, then the environment, then the default. */
  private record Source(Map<String, String> env, Map<String, String> args) {
    String text(String arg, String var, String fallback) {
      String v = args.get(arg);
      if (v == null) {
        v = env.get(var);
      }
      return v == null || v.isBlank() ? fallback : v.strip();
    }

    boolean onOff(String arg, String var, String fallback) {
      String v = text(arg, var, fallback).toLowerCase(java.util.Locale.ROOT);
      return switch (v) {
        case "on", "true" -> true;
        case "off", "false" -> false;
        default ->
            throw new IllegalArgumentException("--" + arg + " / " + var + ": on or off, not " + v);
      };
    }

    Duration duration(String arg, String var, String fallback) {
      String v = text(arg, var, fallback);
      try {
        return TimeUtils.parseDuration(v);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--" + arg + " / " + var + ": not a duration: " + v, e);
      }
    }
  }
}
