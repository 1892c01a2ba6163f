package io.aegntic.studio.jobs.analytics;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs {@link CreatorAnalyticsJob} on an in-process MiniCluster with Flink's web UI (default
 * http://127.0.0.1:8082): what {@code ./studio up} starts. Blocks until the job ends or the process
 * is stopped.
 */
public final class LocalAnalyticsCluster {
  private LocalAnalyticsCluster() {}

  public static void main(String[] args) throws Exception {
    AnalyticsSettings settings = AnalyticsSettings.load(System.getenv(), args);
    Path tmp = Path.of(settings.dataDir(), "flink", "tmp");
    Files.createDirectories(tmp);
    Configuration conf = new Configuration();
    conf.set(CoreOptions.TMP_DIRS, tmp.toString());
    conf.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
    conf.set(RestOptions.ADDRESS, "127.0.0.1");
    conf.set(RestOptions.PORT, settings.webUiPort());
    LatestCheckpoint.under(settings.checkpointDir())
        .ifPresent(
            checkpoint -> {
              System.out.println("Resuming from checkpoint " + checkpoint);
              conf.set(StateRecoveryOptions.SAVEPOINT_PATH, checkpoint.toString());
              // an operator removed since then must not stop the local stack from starting
              conf.set(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE, true);
            });
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(conf);
    CreatorAnalyticsJob.configure(env, settings);
    CreatorAnalyticsJob.buildWithKafka(env, settings);
    System.out.println(
        "Flink web UI: http://127.0.0.1:"
            + settings.webUiPort()
            + " (job "
            + CreatorAnalyticsJob.JOB_NAME
            + ")");
    env.execute(CreatorAnalyticsJob.JOB_NAME);
  }
}
