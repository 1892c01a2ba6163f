package io.aegntic.studio.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.aegntic.studio.events.EventIds;
import io.aegntic.studio.events.EventPayload;
import io.aegntic.studio.events.EventType;
import io.aegntic.studio.events.Platform;
import io.aegntic.studio.events.StudioEvent;
import io.aegntic.studio.ingest.simulator.ApiFaults;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The X poller against the simulator's X API v2 on the real broker and PostgreSQL: the timeline's
 * next_token followed to the end, public_metrics as snapshots, x-rate-limit-remaining 0 honoured
 * until x-rate-limit-reset (nothing sent meanwhile, per the request log), an expired token
 * refreshed once at /2/oauth2/token and the request retried, a second 401 → needs_reconnect. X
 * documents no ETags, so there is no 304 case.
 */
class XPollerIT extends PollerITBase {
  XPollerIT() {
    super("x");
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    start(registry);
  }

  @Test
  void followsTheTimelineToTheEndAndPublishesPublicMetrics() {
    String run = run();
    String user = "15" + run;
    String creator = "creator-x-" + run;
    Instant now = H.clock.instant();
    H.api.account("x", user, 4242);
    for (int i = 0; i < 5; i++) {
      H.api
          .addVideo("x", user, "19" + run + i, now.minus(Duration.ofHours(5 - i)))
          .counters(500 + i, 50, 7, 10);
    }
    H.api.grant("x", user, "tok-" + run, null);
    H.connect(creator, "x", user, "tok-" + run, "ref-" + run, null);

    scheduler.runOnce("x");

    List<ApiFaults.Request> pages = H.requests("/x/2/users/" + user + "/tweets");
    assertThat(pages).hasSize(3);
    assertThat(pages.get(0).query()).doesNotContain("pagination_token");
    assertThat(pages.get(1).query()).contains("pagination_token=7140");
    assertThat(pages.get(0).query()).contains("tweet.fields=public_metrics%2Ccreated_at");
    List<StudioEvent> events = PollHarness.events(creator);
    assertThat(of(events, EventType.AUDIENCE_SNAPSHOT))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.payload()).isEqualTo(new EventPayload.AudienceSnapshot(4242));
              assertThat(e.eventId())
                  .isEqualTo(EventIds.of(Platform.X, "audience", user, now.toString()));
            });
    List<StudioEvent> snapshots = of(events, EventType.CONTENT_SNAPSHOT);
    assertThat(snapshots)
        .extracting(StudioEvent::contentId)
        .containsExactlyInAnyOrder(
            "19" + run + 0, "19" + run + 1, "19" + run + 2, "19" + run + 3, "19" + run + 4);
    // impressions, likes, replies, retweets + quotes (10 shares: 8 + 2), bookmarks.
    assertThat(snapshots)
        .filteredOn(e -> e.contentId().equals("19" + run + 2))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.payload())
                  .isEqualTo(new EventPayload.ContentSnapshot(null, 502L, 50L, 7L, 10L, 0L));
              assertThat(e.occurredAt()).isEqualTo(now);
            });
    assertThat(H.requests("/x/2/tweets"))
        .filteredOn(r -> r.query().contains("19" + run))
        .singleElement()
        .satisfies(r -> assertThat(r.query()).startsWith("ids=19" + run));
  }

  @Test
  void remainingZeroPausesXUntilTheResetAndNothingIsSentMeanwhile() {
    String run = run();
    String user = "16" + run;
    H.api.account("x", user, 10);
    H.api.grant("x", user, "tok-" + run, null);
    H.connect("creator-xl-" + run, "x", user, "tok-" + run, "ref-" + run, null);
    long reset = H.clock.instant().plusSeconds(300).getEpochSecond();
    H.faults.next(
        "/x/2/users/" + user,
        200,
        Map.of(
            "Content-Type", "application/json",
            "x-rate-limit-limit", "900",
            "x-rate-limit-remaining", "0",
            "x-rate-limit-reset", Long.toString(reset)),
        "{\"data\":{\"id\":\"" + user + "\",\"public_metrics\":{\"followers_count\":10}}}");

    scheduler.runOnce("x");
    int sent = H.faults.requests().size();
    scheduler.runOnce("x");
    H.clock.advance(Duration.ofSeconds(299));
    scheduler.runOnce("x");

    assertThat(H.faults.requests()).hasSize(sent);
    RateLimiter.Status s = status();
    assertThat(s.paused()).isTrue();
    assertThat(s.pausedUntil()).isEqualTo(Instant.ofEpochSecond(reset));

    H.clock.advance(Duration.ofSeconds(2));
    scheduler.runOnce("x");
    assertThat(H.requests("/x/2/users/" + user + "/tweets")).isNotEmpty();
    assertThat(status().paused()).isFalse();
  }

  @Test
  void anExpiredTokenIsRefreshedOnceThenASecond401MarksNeedsReconnect() {
    String run = run();
    String user = "17" + run;
    String creator = "creator-xr-" + run;
    H.api.account("x", user, 99);
    H.api.refreshGrant("x", user, "ref-" + run);
    UUID id = H.connect(creator, "x", user, "expired-" + run, "ref-" + run, null);

    scheduler.runOnce("x");

    List<ApiFaults.Request> token =
        H.requests("/x/2/oauth2/token").stream().filter(r -> r.body().contains(run)).toList();
    assertThat(token)
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.body())
                    .contains(
                        "grant_type=refresh_token",
                        "refresh_token=ref-" + run,
                        "client_id=x-client"));
    // A confidential client: id and secret as HTTP Basic, the secret never in the form.
    assertThat(token.get(0).authorization())
        .isEqualTo(
            "Basic "
                + java.util.Base64.getEncoder()
                    .encodeToString("x-client:x-secret".getBytes(StandardCharsets.UTF_8)));
    assertThat(token.get(0).body()).doesNotContain("client_secret");
    List<ApiFaults.Request> users = H.requests("/x/2/users/" + user);
    assertThat(users.get(0).authorization()).isEqualTo("Bearer expired-" + run);
    Map<String, Object> row = H.row(id);
    assertThat(row.get("status")).isEqualTo("active");
    assertThat(users.get(1).authorization()).isEqualTo("Bearer " + row.get("access"));
    assertThat(of(PollHarness.events(creator), EventType.AUDIENCE_SNAPSHOT)).hasSize(1);

    // Later the refreshed token is refused, and so is the next refreshed one.
    refusedTwiceMarksNeedsReconnect(
        "x",
        "/x/2/users/" + user,
        401,
        "application/problem+json",
        "{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,\"detail\":\"Unauthorized\"}",
        id);
    assertThat(H.requests("/x/2/oauth2/token").stream().filter(r -> r.body().contains(run)))
        .hasSize(2);
  }
}
