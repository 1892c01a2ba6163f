package io.aegntic.studio.jobs.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.aegntic.studio.events.DeadLetter;
import io.aegntic.studio.events.MetricUpdate;
import io.aegntic.studio.events.MetricUpdate.Emission;
import io.aegntic.studio.events.MetricUpdate.Family;
import io.aegntic.studio.events.Platform;
import io.aegntic.studio.events.StudioEvent;
import io.aegntic.studio.events.Topics;
import io.aegntic.studio.infra.StackEndpoints;
import io.aegntic.studio.infra.test.StudioStackExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole job on a MiniCluster against the real broker and InfluxDB: a known stream with a
 * duplicate, an out-of-order, a late and a too-late event and a malformed record gives exactly the
 * expected points and committed metric records.
 */
@ExtendWith(StudioStackExtension.class)
class CreatorAnalyticsJobIT {
  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  @TempDir Path checkpoints;
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String creator = "it-analytics-" + run;
  // Recent enough for the 30-day retention policy, old enough to be a replay.
  private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(2, ChronoUnit.HOURS);

  /**
   * Settings of a test run: its own topic, groups, transactions and checkpoints (the sentiment
   * job's through {@link AnalyticsSettings#forSentimentJob}).
   */
  static AnalyticsSettings settings(StackEndpoints stack, String run, Path dir, int parallelism) {
    return StackIo.settings(
        stack,
        "--group-id",
        "it-" + run,
        "--transactional-id-prefix",
        "it-" + run,
        "--checkpoint-interval",
        "300ms",
        "--checkpoint-dir",
        dir.toUri().toString(),
        "--restart-delay",
        "200ms",
        "--parallelism",
        String.valueOf(parallelism),
        "--sentiment-group-id",
        "it-sentiment-" + run,
        "--sentiment-transactional-id-prefix",
        "it-sentiment-" + run,
        "--sentiment-checkpoint-dir",
        dir.resolve("sentiment").toUri().toString(),
        "--sentiment-parallelism",
        String.valueOf(parallelism),
        "--allowed-lateness",
        "60s",
        "--out-of-orderness",
        "5s",
        "--watermark-per-event",
        "true");
  }

  /** A topic of this run only, named after the events topic, so no other test moves its clock. */
  static String eventsTopic(String run) {
    return Topics.EVENTS + ".it-" + run;
  }

  @Test
  void aKnownStreamGivesExactlyTheExpectedPointsAndRecords(StackEndpoints stack) throws Exception {
    TestEvents ev = new TestEvents(creator, Platform.INSTAGRAM, t0);
    StudioEvent firstLike = ev.like("p1", 5, 2);
    List<Object> input = new ArrayList<>();
    input.add(firstLike);
    input.add(firstLike); // redelivered
    input.add(ev.view("p1", 10, 40));
    input.add(ev.comment("p1", 20, "#Launch"));
    input.add(ev.like("p1", 3, 1)); // out of order, its window still open
    input.add("{not json".getBytes(StandardCharsets.UTF_8));
    input.add(ev.like("p1", 70, 1)); // watermark 64 s: the first minute is final
    input.add(ev.like("p1", 30, 4)); // late, within the 60 s lateness: a correction
    input.add(ev.like("p1", 200, 1)); // watermark 194 s: first minute's lateness is over
    input.add(ev.like("p1", 50, 8)); // too late: dead letter
    String topic = eventsTopic(run);
    StackIo.createTopic(stack, topic, 1);
    StackIo.send(stack, topic, creator, input);

    AnalyticsSettings settings = settings(stack, run, checkpoints, 1);
    StackIo.runToEnd(settings, topic, CreatorAnalyticsJob::build, "it-known-stream");

    long m1 = t0.plusSeconds(60).toEpochMilli();
    long m2 = t0.plusSeconds(120).toEpochMilli();
    long m4 = t0.plusSeconds(240).toEpochMilli();
    List<Map<String, Object>> points =
        StackIo.influx(
            stack, "SELECT * FROM \"raw\".\"engagement\" WHERE \"creator\" = '" + creator + "'");
    assertThat(points)
        .extracting(
            p -> p.get("scope"),
            p -> p.get("subject"),
            p -> ((Number) p.get("time")).longValue(),
            p -> p.get("likes"),
            p -> p.get("mentions"),
            p -> p.get("emission"))
        .containsExactlyInAnyOrder(
            tuple("content", "p1", m1, 7.0, null, "correction"),
            tuple("creator", creator, m1, 7.0, null, "correction"),
            tuple("hashtag", "launch", m1, null, 1.0, "final"),
            tuple("content", "p1", m2, 1.0, null, "final"),
            tuple("creator", creator, m2, 1.0, null, "final"),
            tuple("content", "p1", m4, 1.0, null, "final"),
            tuple("creator", creator, m4, 1.0, null, "final"));
    Map<String, Object> corrected =
        points.stream()
            .filter(
                p -> "content".equals(p.get("scope")) && m1 == ((Number) p.get("time")).longValue())
            .findFirst()
            .orElseThrow();
    assertThat(corrected)
        .containsEntry("views", 40.0)
        .containsEntry("comments", 1.0)
        .containsEntry("engagements", 8.0)
        .containsEntry("engagement_rate", 20.0)
        .containsEntry("platform", "instagram");

    List<MetricUpdate> records =
        StackIo.readCommitted(stack, Topics.METRICS, creator::equals, MetricUpdate.class);
    // The comment has a text, but sentiment is CommentSentimentJob's (CommentSentimentJobIT).
    assertThat(records).isNotEmpty().noneMatch(u -> u.family() == Family.SENTIMENT);
    assertThat(
            StackIo.influx(
                stack, "SELECT * FROM \"raw\".\"sentiment\" WHERE \"creator\" = '" + creator + "'"))
        .isEmpty();
    assertThat(
            records.stream()
                .filter(u -> u.family() == Family.TREND && u.scope().id().equals("content")))
        .extracting(u -> u.windowEnd().toEpochMilli(), u -> u.value("value"))
        .containsExactly(tuple(m1, 4.0), tuple(m2, 1.0), tuple(m4, 1.0)); // fed by FINAL values
    assertThat(
            records.stream()
                .filter(u -> u.family() == Family.ENGAGEMENT && u.emission() != Emission.EARLY))
        .extracting(
            MetricUpdate::emission,
            u -> u.scope().id(),
            MetricUpdate::subject,
            u -> u.windowEnd().toEpochMilli(),
            u -> u.values().getOrDefault("likes", u.values().get("mentions")))
        .containsExactlyInAnyOrder(
            tuple(Emission.FINAL, "content", "p1", m1, 3.0),
            tuple(Emission.FINAL, "creator", creator, m1, 3.0),
            tuple(Emission.FINAL, "hashtag", "launch", m1, 1.0),
            tuple(Emission.CORRECTION, "content", "p1", m1, 7.0),
            tuple(Emission.CORRECTION, "creator", creator, m1, 7.0),
            tuple(Emission.FINAL, "content", "p1", m2, 1.0),
            tuple(Emission.FINAL, "creator", creator, m2, 1.0),
            tuple(Emission.FINAL, "content", "p1", m4, 1.0),
            tuple(Emission.FINAL, "creator", creator, m4, 1.0));

    List<DeadLetter> letters =
        StackIo.readCommitted(stack, Topics.DLQ, k -> true, DeadLetter.class).stream()
            .filter(
                d ->
                    d.detail() != null
                        && (d.detail().contains(topic) || d.detail().contains(creator)))
            .toList();
    assertThat(letters)
        .extracting(DeadLetter::reason)
        .containsExactlyInAnyOrder("unparseable_event", "too_late");
  }
}
