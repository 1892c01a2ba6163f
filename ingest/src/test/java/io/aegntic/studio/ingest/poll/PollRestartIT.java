package io.aegntic.studio.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.aegntic.studio.events.EventType;
import io.aegntic.studio.events.StudioEvent;
import io.aegntic.studio.infra.test.StudioStackExtension;
import io.aegntic.studio.ingest.IngestApplication;
import io.aegntic.studio.ingest.simulator.ApiFaults;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Ingest stopped mid-poll (its first run may follow only two pages a cycle) and started again: the
 * second run resumes from the page tokens stored in PostgreSQL, so reading the topic back shows
 * every comment and every video's snapshot exactly once.
 */
@ExtendWith(StudioStackExtension.class)
class PollRestartIT {
  static final PollHarness H = new PollHarness();

  @AfterAll
  static void stop() {
    H.close();
  }

  @Test
  void aRestartResumesFromTheStoredCursorsWithoutRepublishingOrMissing() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String creator = "creator-rs-" + run;
    String channel = "UCrs" + run;
    Instant now = H.clock.instant();
    H.api.account("youtube", channel, 500);
    List<String> videos = new ArrayList<>();
    List<String> comments = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      String video = "vrs" + run + i;
      videos.add(video);
      H.api
          .addVideo("youtube", channel, video, now.minus(Duration.ofHours(7 - i)))
          .counters(10 * i, i, 1, 0);
      comments.add(
          H.api.addComment(channel, video, "comment " + i, now.minusSeconds(700 - i)).id());
    }
    H.api.grant("youtube", channel, "tok-" + run, null);
    H.connect(creator, "youtube", channel, "tok-" + run, null, null);

    try (ConfigurableApplicationContext first = start(2)) {
      first.getBean(PollScheduler.class).runOnce("youtube");
    }
    int firstRun = H.faults.requests().size();
    List<StudioEvent> before = PollHarness.events(creator);
    assertThat(before).filteredOn(e -> e.type() == EventType.COMMENT).hasSize(4);
    assertThat(before).filteredOn(e -> e.type() == EventType.CONTENT_SNAPSHOT).hasSize(4);

    H.clock.advance(Duration.ofMinutes(1));
    try (ConfigurableApplicationContext second = start(20)) {
      second.getBean(PollScheduler.class).runOnce("youtube");
    }

    List<ApiFaults.Request> resumed =
        H.faults.requests().subList(firstRun, H.faults.requests().size());
    assertThat(
            resumed.stream()
                .filter(r -> r.path().endsWith("/playlistItems"))
                .findFirst()
                .orElseThrow()
                .query())
        .contains("pageToken=");
    assertThat(
            resumed.stream()
                .filter(r -> r.path().endsWith("/commentThreads"))
                .findFirst()
                .orElseThrow()
                .query())
        .contains("pageToken=");
    assertThat(resumed).noneMatch(r -> r.path().endsWith("/channels"));

    List<StudioEvent> events = PollHarness.events(creator);
    assertThat(events).extracting(StudioEvent::eventId).doesNotHaveDuplicates();
    assertThat(events)
        .filteredOn(e -> e.type() == EventType.COMMENT)
        .extracting(e -> ((io.aegntic.studio.events.EventPayload.Comment) e.payload()).commentId())
        .containsExactlyInAnyOrderElementsOf(comments);
    assertThat(events)
        .filteredOn(e -> e.type() == EventType.CONTENT_SNAPSHOT)
        .extracting(StudioEvent::contentId)
        .containsExactlyInAnyOrderElementsOf(videos);
    assertThat(events).filteredOn(e -> e.type() == EventType.AUDIENCE_SNAPSHOT).hasSize(1);
    assertThat(
            IntStream.range(0, events.size())
                .filter(i -> events.get(i).type() == EventType.COMMENT)
                .count())
        .isEqualTo(7);
  }

  private static ConfigurableApplicationContext start(int maxPages) {
    // Command-line arguments: they outrank application.properties (builder defaults would not).
    List<String> args = new ArrayList<>();
    for (Map.Entry<String, String> e : H.properties().entrySet()) {
      args.add("--" + e.getKey() + "=" + e.getValue());
    }
    args.add("--server.port=0");
    args.add("--studio.ingest.poll.max-pages=" + maxPages);
    args.add("--logging.structured.format.console=");
    return new SpringApplicationBuilder(IngestApplication.class).run(args.toArray(String[]::new));
  }
}
