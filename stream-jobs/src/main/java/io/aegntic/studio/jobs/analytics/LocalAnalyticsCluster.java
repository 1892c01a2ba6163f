package io.aegntic.studio.jobs.analytics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.runtime.jobmaster.JobResult;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;

/**
 * Runs {@link CreatorAnalyticsJob} and {@link CommentSentimentJob} on one in-process MiniCluster
 * with Flink's web UI (default http://127.0.0.1:8082): what {@code ./studio up} starts. {@code
 * STUDIO_SENTIMENT=off} leaves the sentiment job out. Blocks until the jobs end or the process is
 * stopped.
 */
public final class LocalAnalyticsCluster {
  private LocalAnalyticsCluster() {}

  public static void main(String[] args) throws Exception {
    AnalyticsSettings settings = AnalyticsSettings.load(System.getenv(), args);
    Path tmp = Path.of(settings.dataDir(), "flink", "tmp");
    Files.createDirectories(tmp);
    Map<String, JobGraph> jobs = new LinkedHashMap<>();
    jobs.put(
        CreatorAnalyticsJob.JOB_NAME,
        graph(CreatorAnalyticsJob.JOB_NAME, settings, CreatorAnalyticsJob::buildWithKafka));
    int slots = settings.parallelism();
    if (settings.sentiment()) {
      AnalyticsSettings sentiment = settings.forSentimentJob();
      jobs.put(
          CommentSentimentJob.JOB_NAME,
          graph(CommentSentimentJob.JOB_NAME, sentiment, CommentSentimentJob::buildWithKafka));
      slots += sentiment.parallelism();
    }
    Configuration conf = new Configuration();
    conf.set(CoreOptions.TMP_DIRS, tmp.toString());
    conf.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
    conf.set(RestOptions.ADDRESS, "127.0.0.1");
    conf.set(RestOptions.PORT, settings.webUiPort());
    MiniCluster cluster =
        new MiniCluster(
            new MiniClusterConfiguration.Builder()
                .setConfiguration(conf)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(slots) // every task of both jobs runs at once
                .build());
    cluster.start();
    Map<String, JobID> ids = new LinkedHashMap<>();
    for (Map.Entry<String, JobGraph> job : jobs.entrySet()) {
      ids.put(job.getKey(), cluster.submitJob(job.getValue()).get().getJobID());
    }
    System.out.println(
        "Flink web UI: http://127.0.0.1:" + settings.webUiPort() + " (jobs " + ids.keySet() + ")");
    for (Map.Entry<String, JobID> id : ids.entrySet()) {
      JobResult result = cluster.requestJobResult(id.getValue()).get();
      System.out.println("job " + id.getKey() + " ended: " + result.getApplicationStatus());
    }
    cluster.close();
  }

  /**
   * One job's graph, checkpointed into its own folder and resumed from the newest completed
   * checkpoint there.
   */
  private static JobGraph graph(
      String name,
      AnalyticsSettings settings,
      BiConsumer<StreamExecutionEnvironment, AnalyticsSettings> build) {
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.getExecutionEnvironment(new Configuration());
    CreatorAnalyticsJob.configure(env, settings);
    build.accept(env, settings);
    StreamGraph graph = env.getStreamGraph();
    graph.setJobName(name);
    LatestCheckpoint.under(settings.checkpointDir())
        .ifPresent(
            checkpoint -> {
              System.out.println("Job " + name + " resumes from checkpoint " + checkpoint);
              // an operator removed since then must not stop the local stack from starting
              graph.setSavepointRestoreSettings(
                  SavepointRestoreSettings.forPath(checkpoint.toString(), true));
            });
    return graph.getJobGraph();
  }
}
