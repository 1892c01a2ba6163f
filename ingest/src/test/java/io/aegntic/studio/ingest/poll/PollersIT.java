package io.aegntic.studio.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.aegntic.studio.events.EventIds;
import io.aegntic.studio.events.EventPayload;
import io.aegntic.studio.events.EventType;
import io.aegntic.studio.events.Platform;
import io.aegntic.studio.events.StudioEvent;
import io.aegntic.studio.ingest.simulator.ApiFaults;
import io.aegntic.studio.ingest.simulator.ApiState;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The YouTube and TikTok pollers against the simulator's APIs (their documented wire format) on the
 * real broker and PostgreSQL: pages followed to the end, ETag 304, 429 + Retry-After and quota
 * exhaustion (nothing sent while paused, per the server's request log), token refresh once on 401
 * and before expiry, and needs_reconnect after a refused refreshed token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class PollersIT extends PollerITBase {
  @Autowired WebTestClient web;

  PollersIT() {
    super("youtube");
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    start(registry);
  }

  @Test
  void youtubeFollowsEveryPageThenUsesEtagsAndTheCommentWatermark() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String creator = "creator-yt-" + run;
    String channel = "UCyt" + run;
    Instant now = H.clock.instant();
    H.api.account("youtube", channel, 1234);
    for (int i = 0; i < 5; i++) {
      H.api
          .addVideo("youtube", channel, "vid" + run + i, now.minus(Duration.ofHours(5 - i)))
          .counters(100 + i, 10 + i, 1, 0);
      H.api.addComment(
          channel, "vid" + run + i, "comment " + i + " #tasty", now.minusSeconds(600 - i));
    }
    H.api.grant("youtube", channel, "tok-" + run, null);
    H.connect(creator, "youtube", channel, "tok-" + run, "ref-" + run, null);

    scheduler.runOnce("youtube");

    List<StudioEvent> events = PollHarness.events(creator);
    assertThat(of(events, EventType.AUDIENCE_SNAPSHOT))
        .singleElement()
        .satisfies(
            e ->
                assertThat(((EventPayload.AudienceSnapshot) e.payload()).followers())
                    .isEqualTo(1234));
    List<StudioEvent> snapshots = of(events, EventType.CONTENT_SNAPSHOT);
    assertThat(snapshots)
        .extracting(StudioEvent::contentId)
        .containsExactlyInAnyOrder(
            "vid" + run + 0, "vid" + run + 1, "vid" + run + 2, "vid" + run + 3, "vid" + run + 4);
    assertThat(snapshots)
        .filteredOn(e -> e.contentId().equals("vid" + run + 3))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.payload())
                  .isEqualTo(new EventPayload.ContentSnapshot(103L, null, 13L, 1L, null, null));
              assertThat(e.occurredAt()).isEqualTo(now);
            });
    List<StudioEvent> comments = of(events, EventType.COMMENT);
    assertThat(comments).hasSize(5);
    assertThat(comments).extracting(StudioEvent::eventId).doesNotHaveDuplicates();
    assertThat(((EventPayload.Comment) comments.get(0).payload()).hashtags())
        .containsExactly("tasty");
    // 5 videos and 5 comments at 2 a page: three pages each, the later ones by page token.
    assertThat(
            H.requests("/youtube/v3/playlistItems").stream()
                .filter(r -> r.query().contains(channel.substring(2))))
        .hasSize(3);
    List<ApiFaults.Request> threads = byAccount("/youtube/v3/commentThreads", channel);
    assertThat(threads).hasSize(3);
    assertThat(threads.get(0).query()).doesNotContain("pageToken");
    assertThat(threads.get(2).query()).contains("pageToken=");

    // Later: nothing changed on the channel (304), one new comment (only it is published).
    H.api.addComment(channel, "vid" + run + 4, "a new one", H.clock.instant().minusSeconds(5));
    H.clock.advance(Duration.ofMinutes(16));
    scheduler.runOnce("youtube");

    List<ApiFaults.Request> channels = byAccount("/youtube/v3/channels", channel);
    assertThat(channels).hasSize(2);
    assertThat(channels.get(1).ifNoneMatch()).isNotBlank();
    List<StudioEvent> after = PollHarness.events(creator);
    assertThat(of(after, EventType.AUDIENCE_SNAPSHOT)).hasSize(1);
    assertThat(of(after, EventType.COMMENT))
        .hasSize(6)
        .extracting(StudioEvent::eventId)
        .doesNotHaveDuplicates();
    assertThat(of(after, EventType.COMMENT).get(5).payload())
        .isInstanceOfSatisfying(
            EventPayload.Comment.class, c -> assertThat(c.text()).isEqualTo("a new one"));
    assertThat(byAccount("/youtube/v3/commentThreads", channel)).hasSize(4);
  }

  @Test
  void a429PausesYouTubeForItsRetryAfterAndNothingIsSentMeanwhile() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String channel = "UCrl" + run;
    H.api.account("youtube", channel, 10);
    H.api.grant("youtube", channel, "tok-" + run, null);
    H.connect("creator-rl-" + run, "youtube", channel, "tok-" + run, "ref-" + run, null);
    H.faults.next(
        "/youtube/v3/channels",
        429,
        Map.of("Retry-After", "120", "Content-Type", "application/json"),
        "{\"error\":{\"code\":429,\"message\":\"Too Many Requests\",\"errors\":[{\"reason\":\"rateLimitExceeded\"}]}}");

    scheduler.runOnce("youtube");
    int sent = H.faults.requests().size();
    scheduler.runOnce("youtube");
    H.clock.advance(Duration.ofSeconds(119));
    scheduler.runOnce("youtube");

    assertThat(H.faults.requests()).hasSize(sent);
    assertThat(status("youtube"))
        .satisfies(
            s -> {
              assertThat(s.paused()).isTrue();
              assertThat(s.pausedUntil()).isEqualTo(H.clock.instant().plusSeconds(1));
            });
    web.get()
        .uri("/pollers")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.platforms[?(@.platform=='youtube')].paused")
        .isEqualTo(List.of(true));

    H.clock.advance(Duration.ofSeconds(2));
    scheduler.runOnce("youtube");
    assertThat(H.faults.requests().size()).isGreaterThan(sent);
    assertThat(status("youtube").paused()).isFalse();
  }

  @Test
  void quotaExhaustionPausesYouTubeUntilMidnightPacific() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String channel = "UCqe" + run;
    H.api.account("youtube", channel, 10);
    H.api.grant("youtube", channel, "tok-" + run, null);
    H.connect("creator-qe-" + run, "youtube", channel, "tok-" + run, "ref-" + run, null);
    H.faults.next(
        "/youtube/v3/channels",
        403,
        Map.of("Content-Type", "application/json"),
        "{\"error\":{\"code\":403,\"message\":\"The request cannot be completed because you have exceeded your quota.\",\"errors\":[{\"message\":\"quota\",\"domain\":\"youtube.quota\",\"reason\":\"quotaExceeded\"}]}}");

    ZoneId pacific = ZoneId.of("America/Los_Angeles");
    H.clock.set(
        H.clock
            .instant()
            .atZone(pacific)
            .toLocalDate()
            .plusDays(2)
            .atTime(10, 0)
            .atZone(pacific)
            .toInstant());
    Instant midnight =
        H.clock
            .instant()
            .atZone(pacific)
            .toLocalDate()
            .plusDays(1)
            .atStartOfDay(pacific)
            .toInstant();

    scheduler.runOnce("youtube");
    int sent = H.faults.requests().size();
    H.clock.advance(Duration.ofHours(1));
    scheduler.runOnce("youtube");

    RateLimiter.Status s = status("youtube");
    assertThat(H.faults.requests()).hasSize(sent);
    assertThat(s.paused()).isTrue();
    assertThat(s.reason()).contains("quotaExceeded");
    assertThat(s.pausedUntil()).isEqualTo(midnight);
    assertThat(s.quotaUsed()).isEqualTo(s.dailyQuota()).isEqualTo(10_000);

    H.clock.set(s.pausedUntil().plusSeconds(1));
    scheduler.runOnce("youtube");
    assertThat(H.faults.requests().size()).isGreaterThan(sent);
  }

  @Test
  void anExpiredTokenIsRefreshedOnceAndTheRequestRetried() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String channel = "UCrf" + run;
    String creator = "creator-rf-" + run;
    H.api.account("youtube", channel, 77);
    H.api.refreshGrant("youtube", channel, "ref-" + run);
    UUID id = H.connect(creator, "youtube", channel, "expired-" + run, "ref-" + run, null);

    scheduler.runOnce("youtube");

    List<ApiFaults.Request> log =
        H.faults.requests().stream()
            .filter(
                r ->
                    r.path().equals("/oauth2/google/token")
                        ? r.body().contains(run)
                        : r.query() != null && r.query().contains(channel))
            .toList();
    assertThat(log.get(0).authorization()).isEqualTo("Bearer expired-" + run);
    assertThat(log.get(1).path()).isEqualTo("/oauth2/google/token");
    assertThat(log.get(1).body())
        .contains(
            "grant_type=refresh_token",
            "refresh_token=ref-" + run,
            "client_id=yt-client",
            "client_secret=yt-secret");
    assertThat(log.get(2).path()).isEqualTo("/youtube/v3/channels");
    assertThat(log.get(2).authorization()).startsWith("Bearer sim-youtube-");
    assertThat(log).filteredOn(r -> r.path().equals("/oauth2/google/token")).hasSize(1);
    Map<String, Object> row = H.row(id);
    assertThat(row.get("status")).isEqualTo("active");
    assertThat(log.get(2).authorization()).isEqualTo("Bearer " + row.get("access"));
    assertThat(row.get("expires")).isEqualTo(H.clock.instant().plus(Duration.ofHours(1)));
    assertThat(of(PollHarness.events(creator), EventType.AUDIENCE_SNAPSHOT)).hasSize(1);
  }

  @Test
  void aRefreshedTokenRefusedAgainMarksTheConnectionNeedsReconnect() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String channel = "UCnr" + run;
    H.api.account("youtube", channel, 5);
    H.api.refreshGrant("youtube", channel, "ref-" + run);
    UUID id =
        H.connect("creator-nr-" + run, "youtube", channel, "expired-" + run, "ref-" + run, null);
    // The account's authorisation is revoked right after the refresh: the retry gets 401 too.
    H.faults.next(
        "/youtube/v3/channels",
        401,
        Map.of("Content-Type", "application/json"),
        "{\"error\":{\"code\":401,\"status\":\"UNAUTHENTICATED\"}}");
    H.faults.next(
        "/youtube/v3/channels",
        401,
        Map.of("Content-Type", "application/json"),
        "{\"error\":{\"code\":401,\"status\":\"UNAUTHENTICATED\"}}");

    scheduler.runOnce("youtube");
    int sent = H.faults.requests().size();
    H.clock.advance(Duration.ofHours(1));
    scheduler.runOnce("youtube");

    assertThat(H.row(id).get("status")).isEqualTo("needs_reconnect");
    assertThat(H.requests("/oauth2/google/token").stream().filter(r -> r.body().contains(run)))
        .hasSize(1);
    assertThat(byAccount("/youtube/v3/channels", channel)).hasSize(2);
    assertThat(H.faults.requests()).hasSize(sent);
  }

  @Test
  void tiktokRefreshesBeforeExpiryFollowsTheCursorAndPublishesCounts() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String openId = "act.it" + run;
    String creator = "creator-tt-" + run;
    Instant now = H.clock.instant();
    H.api.account("tiktok", openId, 4321);
    for (int i = 0; i < 5; i++) {
      H.api
          .addVideo(
              "tiktok",
              openId,
              "73" + run.hashCode() % 1000 + i,
              now.minus(Duration.ofHours(5 - i)))
          .counters(1000 + i, 100, 10, 5);
    }
    H.api.refreshGrant("tiktok", openId, "ref-" + run);
    UUID id = H.connect(creator, "tiktok", openId, "old-" + run, "ref-" + run, now.plusSeconds(60));

    scheduler.runOnce("tiktok");

    List<ApiFaults.Request> tokenCalls =
        H.requests("/tiktok/v2/oauth/token/").stream().filter(r -> r.body().contains(run)).toList();
    assertThat(tokenCalls)
        .singleElement()
        .satisfies(
            r -> assertThat(r.body()).contains("client_key=tt-client", "grant_type=refresh_token"));
    String fresh = (String) H.row(id).get("access");
    List<ApiFaults.Request> calls =
        H.faults.requests().stream()
            .filter(r -> ("Bearer " + fresh).equals(r.authorization()))
            .toList();
    assertThat(calls)
        .extracting(ApiFaults.Request::path)
        .containsExactly(
            "/tiktok/v2/user/info/",
            "/tiktok/v2/video/list/",
            "/tiktok/v2/video/list/",
            "/tiktok/v2/video/list/",
            "/tiktok/v2/video/query/");
    assertThat(calls.get(1).body()).doesNotContain("cursor");
    assertThat(calls.get(2).body()).contains("\"cursor\":");
    assertThat(H.faults.requests()).noneMatch(r -> ("Bearer old-" + run).equals(r.authorization()));

    List<StudioEvent> events = PollHarness.events(creator);
    assertThat(of(events, EventType.AUDIENCE_SNAPSHOT))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.eventId())
                    .isEqualTo(EventIds.of(Platform.TIKTOK, "audience", openId, now.toString())));
    assertThat(of(events, EventType.CONTENT_SNAPSHOT))
        .hasSize(5)
        .allSatisfy(
            e -> {
              EventPayload.ContentSnapshot s = (EventPayload.ContentSnapshot) e.payload();
              assertThat(s.shares()).isEqualTo(5);
              assertThat(s.views()).isBetween(1000L, 1004L);
            });
  }

  private static List<ApiFaults.Request> byAccount(String path, String account) {
    return H.requests(path).stream()
        .filter(r -> r.query() != null && r.query().contains(account))
        .toList();
  }

  static ApiState api() {
    return H.api;
  }
}
