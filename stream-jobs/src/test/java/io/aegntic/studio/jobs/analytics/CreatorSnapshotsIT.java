package io.aegntic.studio.jobs.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.aegntic.studio.events.EventPayload;
import io.aegntic.studio.events.EventType;
import io.aegntic.studio.events.MetricUpdate;
import io.aegntic.studio.events.MetricUpdate.Emission;
import io.aegntic.studio.events.MetricUpdate.Family;
import io.aegntic.studio.events.Platform;
import io.aegntic.studio.events.StudioEvent;
import io.aegntic.studio.events.Topics;
import io.aegntic.studio.infra.StackEndpoints;
import io.aegntic.studio.infra.test.StudioStackExtension;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * Polled snapshots through the whole job on the real broker and InfluxDB: out of order, repeated,
 * redelivered and across counter resets (to zero and to a lower value), they never give negative
 * engagement, in InfluxDB or on the metrics topic, and the totals follow docs/metrics.md; likes,
 * comments and follows both pushed and polled are counted once.
 */
@ExtendWith(StudioStackExtension.class)
class CreatorSnapshotsIT {
  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  @TempDir Path checkpoints;
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String creator = "it-snapshots-" + run;
  private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(2, ChronoUnit.HOURS);

  private StudioEvent counters(TestEvents ev, double s, long views, long likes, long shares) {
    return ev.event(
        TestEvents.next(),
        EventType.CONTENT_SNAPSHOT,
        "v1",
        s,
        new EventPayload.ContentSnapshot(views, null, likes, null, shares, null));
  }

  private void runJob(StackEndpoints stack, List<Object> input) throws Exception {
    String topic = CreatorAnalyticsJobIT.eventsTopic(run);
    StackIo.createTopic(stack, topic, 1);
    StackIo.send(stack, topic, creator, input);
    AnalyticsSettings settings = CreatorAnalyticsJobIT.settings(stack, run, checkpoints, 2);
    StackIo.runToEnd(settings, topic, CreatorAnalyticsJob::build, "it-snapshots");
  }

  @Test
  void snapshotsOutOfOrderRepeatedAndResetNeverGiveNegativeEngagement(StackEndpoints stack)
      throws Exception {
    TestEvents ev = new TestEvents(creator, Platform.TIKTOK, t0);
    StudioEvent second = counters(ev, 15, 1200, 110, 1);
    List<Object> input =
        List.of(
            counters(ev, 5, 1000, 100, 1), // baseline: the job never saw v1 go live
            ev.followers(5, 500),
            second, // minute 1: +200 views, +10 likes
            second, // redelivered
            counters(ev, 10, 1100, 105, 1), // polled before the second, arriving after: ignored
            counters(ev, 15, 1200, 110, 1), // the same poll again (another event id): ignored
            ev.followers(65, 520), // minute 2: +20 followers
            ev.followers(60, 480), // older than the last follower count: ignored
            counters(ev, 70, 0, 0, 0), // the platform reset every counter to zero: no delta
            counters(ev, 80, 50, 5, 0), // counting again: +50 views, +5 likes
            counters(ev, 75, 1250, 112, 2), // from before the reset, arriving after: ignored
            counters(ev, 130, 60, 5, 0), // minute 3: +10 views
            counters(ev, 140, 20, 5, 0), // views reset to a lower value (less than half): +20
            ev.like("other", 250, 1)); // moves the watermark past every window's end
    runJob(stack, input);

    long m1 = t0.plusSeconds(60).toEpochMilli();
    long m2 = t0.plusSeconds(120).toEpochMilli();
    long m3 = t0.plusSeconds(180).toEpochMilli();
    long m5 = t0.plusSeconds(300).toEpochMilli(); // the creator's window of the closing like
    List<Map<String, Object>> points =
        StackIo.influx(
            stack,
            "SELECT * FROM \"raw\".\"engagement\" WHERE \"creator\" = '"
                + creator
                + "' AND \"subject\" <> 'other'");
    assertThat(points).isNotEmpty();
    for (Map<String, Object> p : points) {
      p.forEach(
          (field, value) -> {
            if (value instanceof Number n && !field.equals("time")) {
              assertThat(n.doubleValue()).as("%s of %s", field, p).isGreaterThanOrEqualTo(0);
            }
          });
    }
    assertThat(points)
        .extracting(
            p -> p.get("scope"),
            p -> ((Number) p.get("time")).longValue(),
            p -> p.get("views"),
            p -> p.get("likes"),
            p -> p.get("shares"),
            p -> p.get("emission"))
        .containsExactlyInAnyOrder(
            tuple("content", m1, 200.0, 10.0, 0.0, "final"),
            tuple("creator", m1, 200.0, 10.0, 0.0, "final"),
            tuple("content", m2, 50.0, 5.0, 0.0, "final"),
            tuple("creator", m2, 50.0, 5.0, 0.0, "final"),
            tuple("content", m3, 30.0, 0.0, 0.0, "final"),
            tuple("creator", m3, 30.0, 0.0, 0.0, "final"),
            tuple("creator", m5, 0.0, 1.0, 0.0, "final"));

    List<MetricUpdate> records =
        StackIo.readCommitted(stack, Topics.METRICS, creator::equals, MetricUpdate.class);
    List<MetricUpdate> engagement =
        records.stream()
            .filter(u -> u.family() == Family.ENGAGEMENT && !"other".equals(u.subject()))
            .toList();
    assertThat(engagement).isNotEmpty();
    assertThat(engagement)
        .allSatisfy(
            u -> assertThat(u.values().values()).allSatisfy(v -> assertThat(v).isNotNegative()));
    assertThat(engagement.stream().filter(u -> u.emission() == Emission.FINAL))
        .extracting(
            u -> u.scope().id(),
            u -> u.windowEnd().toEpochMilli(),
            u -> u.value("views"),
            u -> u.value("likes"))
        .containsExactlyInAnyOrder(
            tuple("content", m1, 200.0, 10.0),
            tuple("creator", m1, 200.0, 10.0),
            tuple("content", m2, 50.0, 5.0),
            tuple("creator", m2, 50.0, 5.0),
            tuple("content", m3, 30.0, 0.0),
            tuple("creator", m3, 30.0, 0.0),
            tuple("creator", m5, 0.0, 1.0));
    assertThat(
            records.stream()
                .filter(u -> u.family() == Family.AUDIENCE && u.emission() == Emission.FINAL))
        .extracting(
            u -> u.windowEnd().toEpochMilli(),
            u -> u.value("followers"),
            u -> u.value("followers_change"))
        .containsExactlyInAnyOrder(tuple(m1, 500.0, 0.0), tuple(m2, 520.0, 20.0));
  }

  /**
   * The worked example of docs/metrics.md ("Pushed and polled"): the platform ends at 11 likes, 3
   * comments and 503 followers; the job saw the post go live, so the content's totals over all its
   * final windows must be exactly 11 and 3, and the follower changes add up to 503 - 500.
   */
  @Test
  void likesCommentsAndFollowsBothPushedAndPolledAreCountedOnce(StackEndpoints stack)
      throws Exception {
    TestEvents ev = new TestEvents(creator, Platform.X, t0);
    List<Object> input =
        List.of(
            ev.published("p1", 1),
            ev.followers(2, 500), // baseline
            ev.like("p1", 5, 1),
            ev.comment("p1", 6),
            ev.engagementSnapshot("p1", 10, 3, 1), // +3 likes (1 pushed): +2; +1 comment (pushed)
            ev.like("p1", 20, 2),
            ev.follows(21, 3),
            ev.like("p1", 40, 1), // pushed before the snapshot taken at 30
            ev.engagementSnapshot("p1", 30, 5, 2), // +2 likes, all pushed; +1 comment (not yet)
            ev.followers(30, 502), // +2, all pushed; 1 follow pending
            ev.comment("p1", 28), // delivered late: the snapshot at 30 already counted it
            ev.comment("p1", 65),
            ev.engagementSnapshot("p1", 70, 8, 3), // +3 likes (the one at 40): +2; +1 (pushed)
            ev.like("p1", 95, 1), // pushed before the snapshot taken at 90
            ev.engagementSnapshot("p1", 90, 10, 3), // +2: the like at 95 absorbs one, +1
            ev.followers(100, 503), // +1: the pending follow
            ev.engagementSnapshot("p1", 130, 11, 3), // +1: the like at 95, re-added
            ev.like("other", 250, 1)); // moves the watermark past every window's end
    runJob(stack, input);

    List<Map<String, Object>> points =
        StackIo.influx(
            stack,
            "SELECT * FROM \"raw\".\"engagement\" WHERE \"creator\" = '"
                + creator
                + "' AND \"scope\" = 'content' AND \"subject\" = 'p1'");
    assertThat(points)
        .isNotEmpty()
        .allSatisfy(p -> assertThat(p.get("emission")).isEqualTo("final"));
    assertThat(points)
        .extracting(p -> ((Number) p.get("time")).longValue(), p -> p.get("likes"))
        .containsExactlyInAnyOrder(
            tuple(t0.plusSeconds(60).toEpochMilli(), 6.0),
            tuple(t0.plusSeconds(120).toEpochMilli(), 4.0),
            tuple(t0.plusSeconds(180).toEpochMilli(), 1.0));
    assertThat(points.stream().mapToDouble(p -> number(p, "likes")).sum())
        .as("likes over the content's final windows")
        .isEqualTo(11.0);
    assertThat(points.stream().mapToDouble(p -> number(p, "comments")).sum())
        .as("comments over the content's final windows")
        .isEqualTo(3.0);
    List<Map<String, Object>> audience =
        StackIo.influx(
            stack, "SELECT * FROM \"raw\".\"audience\" WHERE \"creator\" = '" + creator + "'");
    assertThat(audience.stream().mapToDouble(p -> number(p, "followers_change")).sum())
        .as("follower changes after the first count")
        .isEqualTo(3.0);
    assertThat(audience)
        .filteredOn(p -> ((Number) p.get("time")).longValue() == t0.plusSeconds(120).toEpochMilli())
        .singleElement()
        .extracting(p -> p.get("followers"))
        .isEqualTo(503.0);
  }

  private static double number(Map<String, Object> point, String field) {
    return point.get(field) instanceof Number n ? n.doubleValue() : 0;
  }
}
