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
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The LinkedIn poller against the simulator's versioned LinkedIn API on the real broker and
 * PostgreSQL (the simulator refuses calls without LinkedIn-Version and X-Restli-Protocol-Version
 * 2.0.0): posts paged by start/count to paging.total, share statistics by {@code shares=List(..)},
 * a 429 pausing the app until midnight UTC (nothing sent meanwhile, per the request log), an
 * expired token refreshed once and the request retried, a second 401 → needs_reconnect. LinkedIn
 * documents no ETags, so there is no 304 case.
 */
class LinkedInPollerIT extends PollerITBase {
  LinkedInPollerIT() {
    super("linkedin");
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    start(registry);
  }

  @Test
  void pagesPostsToTheTotalAndPublishesShareStatistics() {
    String run = run();
    String org = "91" + run;
    String creator = "creator-li-" + run;
    Instant now = H.clock.instant();
    H.api.account("linkedin", org, 777);
    for (int i = 0; i < 5; i++) {
      H.api
          .addVideo(
              "linkedin", org, "urn:li:share:72" + run + i, now.minus(Duration.ofHours(5 - i)))
          .counters(300 + i, 30, 3, 2);
    }
    H.api.grant("linkedin", org, "tok-" + run, null);
    H.connect(creator, "linkedin", org, "tok-" + run, "ref-" + run, null);

    scheduler.runOnce("linkedin");

    List<ApiFaults.Request> pages =
        H.requests("/linkedin/rest/posts").stream().filter(r -> r.query().contains(org)).toList();
    assertThat(pages)
        .extracting(r -> r.query().replaceAll(".*(start=\\d+).*", "$1"))
        .containsExactly("start=0", "start=2", "start=4");
    assertThat(H.requests("/linkedin/rest/networkSizes/urn:li:organization:" + org)).hasSize(1);
    List<ApiFaults.Request> stats =
        H.requests("/linkedin/rest/organizationalEntityShareStatistics").stream()
            .filter(r -> r.query().contains(org))
            .toList();
    assertThat(stats)
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.query())
                    .startsWith(
                        "q=organizationalEntity&organizationalEntity=urn%3Ali%3Aorganization%3A"
                            + org)
                    .contains("&shares=List(urn%3Ali%3Ashare%3A72" + run));
    List<StudioEvent> events = PollHarness.events(creator);
    assertThat(of(events, EventType.AUDIENCE_SNAPSHOT))
        .singleElement()
        .satisfies(e -> assertThat(e.payload()).isEqualTo(new EventPayload.AudienceSnapshot(777)));
    List<StudioEvent> snapshots = of(events, EventType.CONTENT_SNAPSHOT);
    assertThat(snapshots).hasSize(5);
    assertThat(snapshots)
        .filteredOn(e -> e.contentId().equals("urn:li:share:72" + run + 4))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.payload())
                  .isEqualTo(new EventPayload.ContentSnapshot(null, 304L, 30L, 3L, 2L, null));
              assertThat(e.eventId())
                  .isEqualTo(
                      EventIds.of(
                          Platform.LINKEDIN,
                          "snapshot",
                          "urn:li:share:72" + run + 4,
                          now.toString()));
            });
  }

  @Test
  void a429PausesLinkedInUntilMidnightUtcAndNothingIsSentMeanwhile() {
    String run = run();
    String org = "92" + run;
    H.api.account("linkedin", org, 10);
    H.api.grant("linkedin", org, "tok-" + run, null);
    H.connect("creator-lil-" + run, "linkedin", org, "tok-" + run, "ref-" + run, null);
    H.clock.set(
        H.clock
            .instant()
            .atZone(ZoneOffset.UTC)
            .toLocalDate()
            .atTime(15, 0)
            .toInstant(ZoneOffset.UTC));
    Instant midnight =
        H.clock
            .instant()
            .atZone(ZoneOffset.UTC)
            .toLocalDate()
            .plusDays(1)
            .atStartOfDay()
            .toInstant(ZoneOffset.UTC);
    H.faults.next(
        "/linkedin/rest/networkSizes",
        429,
        Map.of("Content-Type", "application/json"),
        "{\"status\":429,\"serviceErrorCode\":101,\"code\":\"TOO_MANY_REQUESTS\",\"message\":\"Resource level throttle APPLICATION DAY limit for calls to this resource is reached.\"}");

    scheduler.runOnce("linkedin");
    int sent = H.faults.requests().size();
    H.clock.advance(Duration.ofHours(8));
    scheduler.runOnce("linkedin");

    assertThat(H.faults.requests()).hasSize(sent);
    RateLimiter.Status s = status();
    assertThat(s.paused()).isTrue();
    assertThat(s.pausedUntil()).isEqualTo(midnight);
    assertThat(s.reason()).contains("daily limit");

    H.clock.set(midnight.plusSeconds(1));
    scheduler.runOnce("linkedin");
    assertThat(H.requests("/linkedin/rest/networkSizes/urn:li:organization:" + org)).hasSize(2);
    assertThat(status().paused()).isFalse();
  }

  @Test
  void a429WithRetryAfterIsAShortThrottleNotTheDailyLimit() {
    String run = run();
    String org = "93" + run;
    H.api.account("linkedin", org, 10);
    H.api.grant("linkedin", org, "tok-" + run, null);
    H.connect("creator-lit-" + run, "linkedin", org, "tok-" + run, "ref-" + run, null);
    H.faults.next(
        "/linkedin/rest/networkSizes",
        429,
        Map.of("Content-Type", "application/json", "Retry-After", "120"),
        "{\"status\":429,\"code\":\"TOO_MANY_REQUESTS\",\"message\":\"Too many requests\"}");
    Instant throttled = H.clock.instant();

    scheduler.runOnce("linkedin");
    RateLimiter.Status s = status();
    assertThat(s.paused()).isTrue();
    assertThat(s.pausedUntil()).isEqualTo(throttled.plusSeconds(120));
    assertThat(s.reason()).doesNotContain("daily limit");

    H.clock.advance(Duration.ofSeconds(121));
    scheduler.runOnce("linkedin");
    assertThat(H.requests("/linkedin/rest/networkSizes/urn:li:organization:" + org)).hasSize(2);
    assertThat(status().paused()).isFalse();
  }

  @Test
  void anExpiredTokenIsRefreshedOnceThenASecond401MarksNeedsReconnect() {
    String run = run();
    String org = "93" + run;
    String creator = "creator-lir-" + run;
    H.api.account("linkedin", org, 99);
    H.api.refreshGrant("linkedin", org, "ref-" + run);
    UUID id = H.connect(creator, "linkedin", org, "expired-" + run, "ref-" + run, null);

    scheduler.runOnce("linkedin");

    assertThat(H.requests("/linkedin/oauth/v2/accessToken"))
        .filteredOn(r -> r.body().contains(run))
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.body())
                    .contains(
                        "grant_type=refresh_token",
                        "refresh_token=ref-" + run,
                        "client_id=li-client",
                        "client_secret=li-secret"));
    List<ApiFaults.Request> sizes =
        H.requests("/linkedin/rest/networkSizes/urn:li:organization:" + org);
    assertThat(sizes.get(0).authorization()).isEqualTo("Bearer expired-" + run);
    Map<String, Object> row = H.row(id);
    assertThat(row.get("status")).isEqualTo("active");
    assertThat(sizes.get(1).authorization()).isEqualTo("Bearer " + row.get("access"));
    assertThat(of(PollHarness.events(creator), EventType.AUDIENCE_SNAPSHOT)).hasSize(1);

    refusedTwiceMarksNeedsReconnect(
        "linkedin",
        "/linkedin/rest/networkSizes/urn:li:organization:" + org,
        401,
        "application/json",
        "{\"status\":401,\"serviceErrorCode\":65602,\"code\":\"REVOKED_ACCESS_TOKEN\",\"message\":\"The token used in the request has been revoked by the user\"}",
        id);
    assertThat(H.requests("/linkedin/oauth/v2/accessToken"))
        .filteredOn(r -> r.body().contains(run))
        .hasSize(2);
  }
}
