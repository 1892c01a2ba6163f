package io.aegntic.studio.jobs.analytics;

import io.aegntic.studio.events.EventJson;
import io.aegntic.studio.events.StudioEvent;
import io.aegntic.studio.events.Topics;
import io.aegntic.studio.infra.StackEndpoints;
import io.aegntic.studio.ml.sentiment.SentimentModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Benchmark (not a test): {@link CommentSentimentJob}'s sustained comments scored per second from
 * Kafka into InfluxDB and the metrics topic, against the model's own throughput in the same run
 * ({@code SentimentModel.predict} on the same texts, same batch size, one model per thread and as
 * many threads as the job has tasks, freshly loaded like the job's), and their ratio, printed as
 * the job's overhead. Arguments: number of events (default 200000; 39 % carry a text) and the run
 * number (odd: model first, even: job first, so neither always runs on a warmer JVM).
 */
public final class SentimentJobBench {
  private static final int PARALLELISM = 2;
  // Process CPU of the model's timed phase (after loading), set by model().
  private static long modelCpuNanos;

  private SentimentJobBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    boolean modelFirst = args.length < 2 || Integer.parseInt(args[1]) % 2 == 1;
    StackEndpoints stack = AnalyticsThroughputBench.endpoints();
    String run = UUID.randomUUID().toString().substring(0, 8);
    String topic = Topics.EVENTS + ".bench-sentiment-" + run;
    StackIo.createTopic(stack, topic, 2);
    AnalyticsThroughputBench.produce(stack, topic, n);
    List<String> texts = texts(stack, topic, n);
    System.out.printf("produced %,d events, %,d with a text to score%n", n, texts.size());
    AnalyticsSettings settings = settings(stack, run);

    double model = 0;
    double job = 0;
    double modelCpuMs = 0;
    for (int step = 0; step < 2; step++) {
      if ((step == 0) == modelFirst) {
        model = model(texts, settings.sentimentBatch());
        modelCpuMs = modelCpuNanos / 1e6 / texts.size() * 1000;
        System.out.printf(
            "model alone (predict, batch %d, %d threads): %,.0f comments/s%n",
            settings.sentimentBatch(), PARALLELISM, model);
      } else {
        job = job(settings, topic, texts.size());
        System.out.printf(
            "sentiment job (Kafka -> InfluxDB + %s, exactly-once, parallelism %d): %,.0f"
                + " comments/s%n",
            Topics.METRICS, PARALLELISM, job);
      }
    }
    double ratio = job / model;
    double jobCpuMs =
        (BenchClock.flushedOrNow().cpuNanos() - BenchClock.started.cpuNanos())
            / 1e6
            / texts.size()
            * 1000;
    // Process CPU is less distorted than wall-clock rates when other processes load the machine.
    System.out.printf(
        "process CPU per 1,000 comments: job %.0f ms, model alone %.0f ms (model/job %.2f)%n",
        jobCpuMs, modelCpuMs, modelCpuMs / jobCpuMs);
    System.out.printf(
        "ratio job / model: %.2f (job overhead %.0f %% of the model's rate)%n",
        ratio, (1 - ratio) * 100);
    System.out.printf(
        "BENCH_RESULT {\"name\":\"analytics.sentiment_job_comments_per_s\",\"value\":%.1f,"
            + "\"unit\":\"1/s\",\"limit_name\":\"SentimentModel.predict alone (same texts, batch"
            + " %d, %d threads)\",\"limit\":%.1f,\"ratio\":%.4f,\"target\":null,"
            + "\"job_overhead\":%.4f,\"texts\":%d,\"events\":%d,"
            + "\"cpu_ms_per_1000_job\":%.1f,\"cpu_ms_per_1000_model\":%.1f,\"cpu_ratio\":%.4f}%n",
        job,
        settings.sentimentBatch(),
        PARALLELISM,
        model,
        ratio,
        1 - ratio,
        texts.size(),
        n,
        jobCpuMs,
        modelCpuMs,
        modelCpuMs / jobCpuMs);
    System.exit(0);
  }

  private static AnalyticsSettings settings(StackEndpoints stack, String run) throws Exception {
    Path dir = Files.createTempDirectory("bench-sentiment-checkpoints");
    return StackIo.settings(
            stack,
            "--sentiment-group-id",
            "bench-sentiment-" + run,
            "--sentiment-transactional-id-prefix",
            "bench-sentiment-" + run,
            "--sentiment-checkpoint-dir",
            dir.toUri().toString(),
            "--sentiment-parallelism",
            String.valueOf(PARALLELISM),
            "--checkpoint-interval",
            "5s")
        .forSentimentJob();
  }

  /** The texts the job will score, read back from the topic: exactly the same ones. */
  private static List<String> texts(StackEndpoints stack, String topic, int n) {
    List<String> texts = new ArrayList<>();
    try (var consumer = StackIo.fromStart(stack, topic, Map.of())) {
      int seen = 0;
      while (seen < n) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          String text = CommentTexts.of(EventJson.read(r.value(), StudioEvent.class));
          if (text != null) {
            texts.add(text);
          }
          seen++;
        }
      }
    }
    return texts;
  }

  /** The model's own rate: every thread predicts its share of the texts in batches. */
  private static double model(List<String> texts, int batch) throws Exception {
    List<SentimentModel> models = new ArrayList<>();
    for (int t = 0; t < PARALLELISM; t++) {
      models.add(SentimentModel.load()); // not timed, like the job's open()
    }
    ExecutorService pool = Executors.newFixedThreadPool(PARALLELISM);
    try {
      long cpu = BenchClock.cpuNanos();
      long start = System.nanoTime();
      List<Future<Integer>> done = new ArrayList<>();
      for (int t = 0; t < PARALLELISM; t++) {
        SentimentModel model = models.get(t);
        List<String> share = new ArrayList<>();
        for (int i = t; i < texts.size(); i += PARALLELISM) {
          share.add(texts.get(i));
        }
        done.add(
            pool.submit(
                () -> {
                  int scored = 0;
                  for (int i = 0; i < share.size(); i += batch) {
                    scored +=
                        model.predict(share.subList(i, Math.min(share.size(), i + batch))).size();
                  }
                  return scored;
                }));
      }
      int scored = 0;
      for (Future<Integer> f : done) {
        scored += f.get();
      }
      double rate = scored / ((System.nanoTime() - start) / 1e9);
      modelCpuNanos = BenchClock.cpuNanos() - cpu;
      return rate;
    } finally {
      pool.shutdown();
      models.forEach(SentimentModel::close);
    }
  }

  /** The job's rate: from all tasks RUNNING (models loaded) to the sinks' end-of-input flush. */
  private static double job(AnalyticsSettings settings, String topic, int texts) throws Exception {
    JobClient client =
        BenchJob.submitGated(
            settings, topic, CommentSentimentJob::build, "bench-sentiment", PARALLELISM);
    client.getJobExecutionResult().get();
    return texts / ((BenchClock.flushedOrNow().nanos() - BenchClock.started.nanos()) / 1e9);
  }
}
