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

  /** What one run measured; CPU, JIT and GC are the whole process's, between gate and flush. */
  record Result(
      double eventsPerS,
      double cpuMsPer1000,
      long jitMs,
      long gcMs,
      double untilRunningS,
      double clockS,
      double tailS,
      boolean flushSeen) {}

  static Result run(StackEndpoints stack, String topic, int n, String id) throws Exception {
    BenchClock.reset();
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
    long flushed = BenchClock.LAST_FLUSH.get();
    long stop = flushed == 0 ? ended : flushed;
    long started = BenchClock.STARTED.get();
    long cpu =
        (flushed == 0 ? BenchClock.cpuNanos() : BenchClock.LAST_FLUSH_CPU.get())
            - BenchClock.STARTED_CPU.get();
    long jit =
        (flushed == 0 ? BenchClock.jitMillis() : BenchClock.LAST_FLUSH_JIT.get())
            - BenchClock.STARTED_JIT.get();
    long gc =
        (flushed == 0 ? BenchClock.gcMillis() : BenchClock.LAST_FLUSH_GC.get())
            - BenchClock.STARTED_GC.get();
    return new Result(
        n / ((stop - started) / 1e9),
        cpu / 1e6 / n * 1000,
        jit,
        gc,
        (started - submitted) / 1e9,
        (stop - started) / 1e9,
        (ended - stop) / 1e9,
        flushed != 0);
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
