package io.aegntic.studio.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.aegntic.studio.events.EventIds;
import io.aegntic.studio.events.EventPayload;
import io.aegntic.studio.events.EventType;
import io.aegntic.studio.events.Platform;
import io.aegntic.studio.events.StudioEvent;
import io.aegntic.studio.ingest.simulator.ApiFaults;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Instagram poller against the simulator's Instagram API (Instagram Login) on the real broker
 * and PostgreSQL: media paging followed to the end, insights as snapshots, X-App-Usage at 100 % and
 * throttling error codes pausing the app (nothing sent meanwhile, per the request log), a
 * long-lived token exchanged before expiry, and code 190 after one renewal → needs_reconnect.
 * Instagram documents no ETags, so there is no 304 case.
 */
class InstagramPollerIT extends PollerITBase {
  InstagramPollerIT() {
    super("instagram");
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    start(registry);
  }

  @Test
  void followsMediaPagingToTheEndAndPublishesInsights() {
    String run = run();
    String user = "178414" + run;
    String creator = "creator-ig-" + run;
    Instant now = H.clock.instant();
    H.api.account("instagram", user, 3131);
    for (int i = 0; i < 5; i++) {
      H.api
          .addVideo("instagram", user, "18" + run + i, now.minus(Duration.ofHours(5 - i)))
          .counters(900 + i, 80, 6, 4);
    }
    H.api.grant("instagram", user, "tok-" + run, null);
    H.connect(creator, "instagram", user, "tok-" + run, null, null);

    scheduler.runOnce("instagram");

    List<ApiFaults.Request> pages = H.requests("/instagram/v21.0/" + user + "/media");
    assertThat(pages).hasSize(3);
    assertThat(pages.get(0).query()).doesNotContain("after=");
    assertThat(pages.get(1).query()).contains("after=");
    assertThat(pages.get(0).authorization()).isEqualTo("Bearer tok-" + run);
    List<ApiFaults.Request> insights =
        H.faults.requests().stream()
            .filter(r -> r.path().startsWith("/instagram/v21.0/18" + run))
            .toList();
    assertThat(insights)
        .hasSize(5)
        .allSatisfy(
            r -> {
              assertThat(r.path()).endsWith("/insights");
              assertThat(r.query()).isEqualTo("metric=views%2Clikes%2Ccomments%2Cshares%2Csaved");
            });
    List<StudioEvent> events = PollHarness.events(creator);
    assertThat(of(events, EventType.AUDIENCE_SNAPSHOT))
        .singleElement()
        .satisfies(e -> assertThat(e.payload()).isEqualTo(new EventPayload.AudienceSnapshot(3131)));
    List<StudioEvent> snapshots = of(events, EventType.CONTENT_SNAPSHOT);
    assertThat(snapshots)
        .extracting(StudioEvent::contentId)
        .containsExactlyInAnyOrder(
            "18" + run + 0, "18" + run + 1, "18" + run + 2, "18" + run + 3, "18" + run + 4);
    assertThat(snapshots)
        .filteredOn(e -> e.contentId().equals("18" + run + 1))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.payload())
                  .isEqualTo(new EventPayload.ContentSnapshot(901L, null, 80L, 6L, 4L, 0L));
              assertThat(e.eventId())
                  .isEqualTo(
                      EventIds.of(Platform.INSTAGRAM, "snapshot", "18" + run + 1, now.toString()));
            });
  }

  @Test
  void appUsageAt100PercentAndThrottlingCodesPauseAndNothingIsSentMeanwhile() {
    String run = run();
    String user = "178415" + run;
    H.api.account("instagram", user, 10);
    H.api.grant("instagram", user, "tok-" + run, null);
    H.connect("creator-igl-" + run, "instagram", user, "tok-" + run, null, null);
    H.faults.next(
        "/instagram/v21.0/" + user,
        200,
        Map.of(
            "Content-Type",
            "application/json",
            "X-App-Usage",
            "{\"call_count\":100,\"total_cputime\":20,\"total_time\":30}"),
        "{\"followers_count\":10,\"media_count\":0,\"id\":\"" + user + "\"}");

    scheduler.runOnce("instagram");
    int sent = H.faults.requests().size();
    Instant until = H.clock.instant().plus(Duration.ofMinutes(5));
    H.clock.advance(Duration.ofMinutes(4));
    scheduler.runOnce("instagram");
    assertThat(H.faults.requests()).hasSize(sent);
    assertThat(status().pausedUntil()).isEqualTo(until);

    // After the pause: a call answered with error code 613 pauses again.
    H.clock.advance(Duration.ofMinutes(2));
    H.faults.next(
        "/instagram/v21.0/" + user,
        400,
        Map.of("Content-Type", "application/json"),
        "{\"error\":{\"message\":\"Calls to this api have exceeded the rate limit.\",\"type\":\"OAuthException\",\"code\":613,\"fbtrace_id\":\"t\"}}");
    scheduler.runOnce("instagram");
    int later = H.faults.requests().size();
    assertThat(later).isGreaterThan(sent);
    RateLimiter.Status s = status();
    assertThat(s.paused()).isTrue();
    assertThat(s.reason()).contains("613");
    scheduler.runOnce("instagram");
    assertThat(H.faults.requests()).hasSize(later);
  }

  @Test
  void aTokenIsExchangedBeforeExpiryAndCode190AfterOneRenewalMarksNeedsReconnect() {
    String run = run();
    String user = "178416" + run;
    String creator = "creator-igr-" + run;
    H.api.account("instagram", user, 55);
    H.api.grant("instagram", user, "old-" + run, null);
    UUID id =
        H.connect(
            creator, "instagram", user, "old-" + run, null, H.clock.instant().plusSeconds(60));

    scheduler.runOnce("instagram");

    assertThat(H.requests("/instagram/refresh_access_token"))
        .filteredOn(r -> r.query().contains(run))
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.query())
                    .isEqualTo("grant_type=ig_refresh_token&access_token=old-" + run));
    Map<String, Object> row = H.row(id);
    assertThat(row.get("status")).isEqualTo("active");
    assertThat(row.get("expires")).isEqualTo(H.clock.instant().plus(Duration.ofHours(1)));
    assertThat(H.requests("/instagram/v21.0/" + user))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + row.get("access")));
    assertThat(of(PollHarness.events(creator), EventType.AUDIENCE_SNAPSHOT)).hasSize(1);

    String expired =
        "{\"error\":{\"message\":\"Error validating access token: Session has expired\",\"type\":\"OAuthException\",\"code\":190,\"error_subcode\":463,\"fbtrace_id\":\"t\"}}";
    refusedTwiceMarksNeedsReconnect(
        "instagram", "/instagram/v21.0/" + user, 400, "application/json", expired, id);
    assertThat(H.requests("/instagram/refresh_access_token"))
        .filteredOn(r -> r.query().contains(run) || r.query().contains("sim-instagram"))
        .hasSize(2);
  }
}
