package io.aegntic.studio.jobs.analytics;

import io.aegntic.studio.infra.StackEndpoints;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * One run of the analytics job for {@link AnalyticsThroughputBench}: a MiniCluster with the web
 * UI's REST API (for "all tasks RUNNING"), the job on {@code topic} bounded at its end, timed by
 * {@link BenchClock} from the open gate to the sinks' last end-of-input flush.
 */
final class BenchJob {
  private BenchJob() {}

  /**
   * What one run measured; CPU, JIT and GC are the whole process's. {@code steady} is the same from
   * the moment the {@code steadyFrom}-th event passed the source to the last flush: the job past
   * its start (new keys, the JIT recompiling for a fresh job), as a long-running job runs.
   */
  record Result(
      double eventsPerS,
      double cpuMsPer1000,
      long jitMs,
      long gcMs,
      Window steady,
      double untilRunningS,
      double clockS,
      double tailS,
      boolean flushSeen) {}

  /** Rate, process CPU per 1,000 events and JIT time over a stretch of events. */
  record Window(double eventsPerS, double cpuMsPer1000, long jitMs) {
    static Window between(BenchClock.Stamp from, BenchClock.Stamp to, long events) {
      return new Window(
          events / ((to.nanos() - from.nanos()) / 1e9),
          (to.cpuNanos() - from.cpuNanos()) / 1e6 / events * 1000,
          to.jitMillis() - from.jitMillis());
    }
  }

  static Result run(StackEndpoints stack, String topic, int n, int steadyFrom, String id)
      throws Exception {
    BenchClock.reset();
    BenchClock.markAfter(steadyFrom);
    Path dir = Files.createTempDirectory("bench-checkpoints");
    AnalyticsSettings settings =
        StackIo.settings(
            stack,
            "--group-id",
            id,
            "--transactional-id-prefix",
            id,
            "--checkpoint-interval",
            "5s",
            "--checkpoint-dir",
            dir.toUri().toString(),
            "--parallelism",
            "2");
    long submitted = System.nanoTime();
    JobClient client = submitGated(settings, topic, CreatorAnalyticsJob::build, "bench", 2);
    client.getJobExecutionResult().get();
    long ended = System.nanoTime();
    BenchClock.Stamp flushed = BenchClock.LAST_FLUSH.get();
    BenchClock.Stamp end = BenchClock.flushedOrNow();
    BenchClock.Stamp started = BenchClock.started;
    BenchJob.Window whole = Window.between(started, end, n);
    BenchClock.Stamp mark = BenchClock.mark;
    if (mark == null) {
      throw new IllegalStateException("event " + steadyFrom + " never passed the source");
    }
    return new Result(
        whole.eventsPerS(),
        whole.cpuMsPer1000(),
        whole.jitMs(),
        end.gcMillis() - started.gcMillis(),
        Window.between(mark, end, n - steadyFrom),
        (started.nanos() - submitted) / 1e9,
        (end.nanos() - started.nanos()) / 1e9,
        (ended - end.nanos()) / 1e9,
        flushed != null);
  }

  /** A local environment with Flink's REST API on {@code restPort} (the clock gate polls it). */
  static StreamExecutionEnvironment localEnvironment(int restPort, int parallelism) {
    Configuration conf = new Configuration();
    conf.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
    conf.set(RestOptions.ADDRESS, "127.0.0.1");
    conf.set(RestOptions.PORT, restPort);
    conf.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
    return StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(conf);
  }

  /**
   * Submits {@code job} over the bounded {@code topic}, its source gated and its InfluxDB sink
   * timed by {@link BenchClock}, and returns once every task runs (the clock has started).
   */
  static JobClient submitGated(
      AnalyticsSettings settings, String topic, JobSteps.Pipeline job, String name, int parallelism)
      throws Exception {
    int restPort = AnalyticsThroughputBench.freePort();
    StreamExecutionEnvironment env = localEnvironment(restPort, parallelism);
    CreatorAnalyticsJob.configure(env, settings);
    job.build(
        env,
        KafkaIo.eventSource(settings, topic, true, new BenchClock.Gated()),
        new BenchClock.Timed(
            new InfluxMetricsSink(
                settings.influx(), settings.influxBatchSize(), settings.influxFlushEvery())),
        KafkaIo.metricsSink(settings),
        KafkaIo.deadLetterSink(settings),
        settings);
    JobClient client = env.executeAsync(name);
    BenchClock.startWhenRunning(restPort, client.getJobID().toString(), Duration.ofMinutes(5));
    return client;
  }
}
