package io.aegntic.studio.jobs.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.aegntic.studio.events.DeadLetter;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
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
 * Both jobs on one topic, on a MiniCluster against the real broker and InfluxDB. {@link
 * CommentSentimentJob}: comments of clear sentiment, one redelivered, give the expected per-window
 * counts in InfluxDB and on the metrics topic (with the latest texts as labels), a comment after
 * the allowed lateness a {@code too_late} dead letter, and nothing but sentiment. Then {@link
 * CreatorAnalyticsJob} on the same input: no sentiment of its own, and a burst of likes after half
 * an hour of quiet raises the trending flag in the trend update of the minute the burst starts.
 */
@ExtendWith(StudioStackExtension.class)
class CommentSentimentJobIT {
  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(1)
              .build());

  private static final String LOVE = "I love this video, it is absolutely wonderful! Thank you!";
  private static final String BEST = "This is amazing, best tutorial I have ever seen. Great job!";
  private static final String HAPPY = "What a fantastic post, I am so happy I found this channel.";
  private static final String HATE = "This is terrible, I hate it. Worst video ever, awful.";
  private static final String WASTE =
      "Horrible content, a complete waste of my time. So disappointed.";
  private static final String GARBAGE = "Stupid and boring, I regret watching this garbage.";
  private static final String FRIDAY = "The next episode comes out on Friday at 6 pm.";

  @TempDir Path checkpoints;
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String creator = "it-sentiment-" + run;
  private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(2, ChronoUnit.HOURS);
  private int ids;

  private StudioEvent comment(TestEvents ev, EventType type, String content, double s, String t) {
    String id = "s-" + run + "-" + ids++;
    return ev.event(id, type, content, s, new EventPayload.Comment("c-" + id, t, null, List.of()));
  }

  @Test
  void commentsOfKnownSentimentGiveTheExpectedWindowsAndTheAnalyticsJobNone(StackEndpoints stack)
      throws Exception {
    TestEvents ev = new TestEvents(creator, Platform.YOUTUBE, t0);
    List<StudioEvent> input = new ArrayList<>();
    // Minute 0: v1 gets two positive, one negative, one neutral comment; v2 one positive.
    StudioEvent love = comment(ev, EventType.COMMENT, "v1", 5, LOVE);
    input.add(love);
    input.add(love); // redelivered: counted once
    input.add(comment(ev, EventType.COMMENT, "v1", 10, HATE));
    input.add(comment(ev, EventType.COMMENT, "v1", 15, FRIDAY));
    input.add(comment(ev, EventType.COMMENT, "v2", 20, HAPPY));
    input.add(comment(ev, EventType.COMMENT, "v1", 25, BEST));
    // Minute 1: two negative comments on v1 and a negative mention of the creator (no content).
    input.add(comment(ev, EventType.COMMENT, "v1", 65, WASTE));
    input.add(comment(ev, EventType.COMMENT, "v1", 70, GARBAGE));
    input.add(comment(ev, EventType.MENTION, null, 75, HATE));
    // Post b: a few likes a minute for half an hour, then a burst in minute 30.
    for (int minute = 0; minute < 30; minute++) {
      input.add(ev.like("b", minute * 60 + 30, 4 + minute % 3));
    }
    input.add(ev.like("b", 30 * 60 + 10, 120));
    input.sort(Comparator.comparing(StudioEvent::occurredAt)); // in time order: nothing late
    List<Object> sent = new ArrayList<>(input);
    // After the burst (watermark past minute 0 + 60 s lateness): too late for its window.
    sent.add(comment(ev, EventType.COMMENT, "v1", 40, BEST));
    sent.add("{not json".getBytes(StandardCharsets.UTF_8)); // the analytics job's dead letter
    String topic = CreatorAnalyticsJobIT.eventsTopic(run);
    StackIo.createTopic(stack, topic, 1);
    StackIo.send(stack, topic, creator, sent);

    AnalyticsSettings settings = CreatorAnalyticsJobIT.settings(stack, run, checkpoints, 1);
    AnalyticsSettings sentiment = settings.forSentimentJob();
    assertThat(sentiment.groupId()).isNotEqualTo(settings.groupId());
    StackIo.runToEnd(sentiment, topic, CommentSentimentJob::build, "it-sentiment");

    long m1 = t0.plusSeconds(60).toEpochMilli();
    long m2 = t0.plusSeconds(120).toEpochMilli();
    List<Map<String, Object>> points =
        StackIo.influx(
            stack, "SELECT * FROM \"raw\".\"sentiment\" WHERE \"creator\" = '" + creator + "'");
    assertThat(points)
        .extracting(
            p -> p.get("scope"),
            p -> p.get("subject"),
            p -> ((Number) p.get("time")).longValue(),
            p -> p.get("negative"),
            p -> p.get("neutral"),
            p -> p.get("positive"),
            p -> p.get("emission"))
        .containsExactlyInAnyOrder(
            tuple("content", "v1", m1, 1.0, 1.0, 2.0, "final"),
            tuple("content", "v2", m1, 0.0, 0.0, 1.0, "final"),
            tuple("creator", creator, m1, 1.0, 1.0, 3.0, "final"),
            tuple("content", "v1", m2, 2.0, 0.0, 0.0, "final"),
            tuple("creator", creator, m2, 3.0, 0.0, 0.0, "final"));
    Map<String, Object> creatorMinute1 =
        points.stream()
            .filter(
                p -> "creator".equals(p.get("scope")) && m1 == ((Number) p.get("time")).longValue())
            .findFirst()
            .orElseThrow();
    assertThat(creatorMinute1)
        .containsEntry("mean_polarity", 0.4)
        .containsEntry("negative_share", 0.2)
        .containsEntry("platform", "youtube")
        .doesNotContainKey("top_comment_1");

    List<MetricUpdate> records =
        StackIo.readCommitted(stack, Topics.METRICS, creator::equals, MetricUpdate.class);
    MetricUpdate finalCreator =
        records.stream()
            .filter(
                u ->
                    u.family() == Family.SENTIMENT
                        && u.emission() == Emission.FINAL
                        && u.subject().equals(creator)
                        && u.windowEnd().toEpochMilli() == m1)
            .findFirst()
            .orElseThrow();
    assertThat(finalCreator.values())
        .containsOnlyKeys("negative", "neutral", "positive", "mean_polarity", "negative_share");
    assertThat(finalCreator.labels())
        .containsOnly(
            Map.entry("top_comment_1", BEST),
            Map.entry("top_comment_2", HAPPY),
            Map.entry("top_comment_3", FRIDAY));

    assertThat(records).extracting(MetricUpdate::family).containsOnly(Family.SENTIMENT);
    assertThat(deadLetters(stack, topic))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.reason()).isEqualTo("too_late");
              assertThat(d.detail()).contains("_comment x");
            });

    // The analytics job on the same topic (its own group): no sentiment, trends as ever.
    StackIo.runToEnd(settings, topic, CreatorAnalyticsJob::build, "it-analytics-after-sentiment");
    List<MetricUpdate> both =
        StackIo.readCommitted(stack, Topics.METRICS, creator::equals, MetricUpdate.class);
    assertThat(both.stream().filter(u -> u.family() == Family.SENTIMENT))
        .as("the analytics job wrote no sentiment")
        .hasSize(records.size());
    assertThat(deadLetters(stack, topic))
        .extracting(DeadLetter::reason)
        .containsExactlyInAnyOrder("too_late", "too_late", "unparseable_event");

    long burstEnd = t0.plusSeconds(31 * 60).toEpochMilli();
    List<MetricUpdate> trend =
        both.stream()
            .filter(
                u ->
                    u.family() == Family.TREND
                        && u.scope().id().equals("content")
                        && u.subject().equals("b"))
            .toList();
    assertThat(trend).hasSize(31);
    assertThat(trend.subList(10, 30)).allMatch(u -> u.value("trending") == 0.0);
    assertThat(trend.get(30).windowEnd().toEpochMilli()).isEqualTo(burstEnd);
    assertThat(trend.get(30).value("trending")).isEqualTo(1.0);
  }

  /** This run's dead letters: unparseable records of its topic, too-late ones of its creator. */
  private List<DeadLetter> deadLetters(StackEndpoints stack, String topic) {
    return StackIo.readCommitted(stack, Topics.DLQ, k -> true, DeadLetter.class).stream()
        .filter(
            d -> d.detail() != null && (d.detail().contains(topic) || d.detail().contains(creator)))
        .toList();
  }
}
