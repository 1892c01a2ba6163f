package io.aegntic.studio.jobs.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.aegntic.studio.events.MetricUpdate;
import io.aegntic.studio.events.MetricUpdate.Emission;
import io.aegntic.studio.events.MetricUpdate.Family;
import io.aegntic.studio.events.Platform;
import io.aegntic.studio.events.StudioEvent;
import io.aegntic.studio.events.Topics;
import io.aegntic.studio.infra.StackEndpoints;
import io.aegntic.studio.infra.test.StudioStackExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job fails mid-stream (after a completed checkpoint, with half the input still to come) and
 * restarts from its last checkpoint; the totals in InfluxDB and the committed records on the
 * metrics topic still equal the input exactly.
 */
@ExtendWith(StudioStackExtension.class)
class CreatorAnalyticsFailoverIT {
  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  @TempDir Path checkpoints;
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String creator = "it-failover-" + run;
  private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(3, ChronoUnit.HOURS);

  @Test
  void afterAFailureTheTotalsStillEqualTheInput(StackEndpoints stack) throws Exception {
    TestEvents ev = new TestEvents(creator, Platform.YOUTUBE, t0);
    List<Object> firstHalf = new ArrayList<>();
    List<Object> secondHalf = new ArrayList<>();
    long likes = 0;
    for (int i = 0; i < 300; i++) {
      List<Object> input = i < 150 ? firstHalf : secondHalf;
      StudioEvent like = ev.like("c" + (i % 4), i, 1 + i % 3);
      likes += 1 + i % 3;
      input.add(like);
      if (i % 50 == 0) {
        input.add(like); // a redelivery
      }
    }
    String topic = CreatorAnalyticsJobIT.eventsTopic(run);
    StackIo.createTopic(stack, topic, 1);
    StackIo.send(stack, topic, creator, firstHalf);

    AnalyticsSettings settings = CreatorAnalyticsJobIT.settings(stack, run, checkpoints, 2);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    CreatorAnalyticsJob.configure(env, settings);
    // Bounded at the end of both halves: the job waits for the second half, which is produced only
    // once the failure happened (after a completed checkpoint), so the failure is mid-stream
    // however slowly the machine runs the first checkpoint.
    long end = firstHalf.size() + secondHalf.size(); // one producer, no transactions: dense offsets
    CreatorAnalyticsJob.build(
        env,
        KafkaIo.eventSource(
            settings,
            topic,
            OffsetsInitializer.offsets(Map.of(new TopicPartition(topic, 0), end)),
            new SlowEvents(10)),
        new FailOnceSink<>(
            new InfluxMetricsSink(settings.influx(), 100, settings.influxFlushEvery()),
            run,
            3,
            checkpoints),
        KafkaIo.metricsSink(settings),
        KafkaIo.deadLetterSink(settings),
        settings);
    JobClient job = env.executeAsync("it-failover");
    awaitInjectedFailure(job);
    StackIo.send(stack, topic, creator, secondHalf);
    job.getJobExecutionResult().get();
    assertThat(FailOnceSink.failed(run)).as("the injected failure happened").isTrue();

    for (String scope : List.of("content", "creator")) {
      List<Map<String, Object>> sum =
          StackIo.influx(
              stack,
              "SELECT sum(\"likes\") FROM \"raw\".\"engagement\" WHERE \"creator\" = '"
                  + creator
                  + "' AND \"scope\" = '"
                  + scope
                  + "'");
      assertThat(sum).singleElement().extracting(r -> r.get("sum")).isEqualTo((double) likes);
    }

    List<MetricUpdate> records =
        StackIo.readCommitted(stack, Topics.METRICS, creator::equals, MetricUpdate.class).stream()
            .filter(u -> u.family() == Family.ENGAGEMENT && u.emission() != Emission.EARLY)
            .toList();
    Map<String, MetricUpdate> latest = new LinkedHashMap<>();
    records.forEach(u -> latest.put(u.seriesKey() + "@" + u.windowEnd(), u));
    for (String scope : List.of("content", "creator")) {
      double total =
          latest.values().stream()
              .filter(u -> u.scope().id().equals(scope))
              .mapToDouble(u -> u.value("likes"))
              .sum();
      assertThat(total).as(scope + " likes on the metrics topic").isEqualTo((double) likes);
    }
    Map<String, Long> finals =
        records.stream()
            .filter(u -> u.emission() == Emission.FINAL)
            .collect(
                Collectors.groupingBy(
                    u -> u.seriesKey() + "@" + u.windowEnd(), Collectors.counting()));
    assertThat(finals.values()).as("each window is final exactly once").containsOnly(1L);
    assertThat(finals).hasSize(latest.size());
  }

  /** Waits (at most 5 minutes, a guard against a hang, not a timing check) for the failure. */
  private void awaitInjectedFailure(JobClient job) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (!FailOnceSink.failed(run)) {
      JobStatus status = job.getJobStatus().get();
      if (status.isGloballyTerminalState()) {
        throw new AssertionError("the job ended (" + status + ") before the injected failure");
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no completed checkpoint and failure within 5 minutes");
      }
      Thread.sleep(100);
    }
  }
}
