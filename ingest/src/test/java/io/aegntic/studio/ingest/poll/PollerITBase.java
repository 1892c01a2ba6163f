package io.aegntic.studio.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.aegntic.studio.events.EventType;
import io.aegntic.studio.events.StudioEvent;
import io.aegntic.studio.infra.test.StudioStackExtension;
import io.aegntic.studio.ingest.webhook.TestSetup;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.TestPropertySource;

/**
 * The set-up every poller IT shares: an ingest context on a {@link PollHarness} whose clock it
 * uses, a new quota day before each test, and the test's connections paused after it.
 */
@ExtendWith(StudioStackExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestPropertySource(locations = TestSetup.SPRING_PROPERTIES)
@Import(PollerITBase.TestClock.class)
abstract class PollerITBase {
  /** The harness of the IT class now running (IT classes run one after another). */
  static PollHarness H;

  @Autowired PollScheduler scheduler;
  private final String platform;

  /** {@code platform} is the one whose rate-limit status {@link #status()} reads. */
  PollerITBase(String platform) {
    this.platform = platform;
  }

  /**
   * Starts a harness for the calling IT class and registers its properties; each IT calls this from
   * its own {@code @DynamicPropertySource} method, which also keeps the IT's Spring context (and so
   * its harness) apart from the other ITs' cached ones.
   */
  static void start(DynamicPropertyRegistry registry) {
    H = new PollHarness();
    H.properties().forEach((k, v) -> registry.add(k, () -> v));
  }

  @TestConfiguration
  static class TestClock {
    @Bean
    @Primary
    Clock testClock() {
      return H.clock;
    }
  }

  @BeforeEach
  void freshDay() {
    // A new quota day: earlier tests' pauses and spent quota are over.
    H.clock.advance(Duration.ofDays(1));
  }

  @AfterEach
  void pauseConnections() {
    H.pauseAll();
  }

  @AfterAll
  static void stop() {
    if (H != null) {
      H.close();
      H = null;
    }
  }

  RateLimiter.Status status() {
    return status(platform);
  }

  RateLimiter.Status status(String platform) {
    return scheduler.status().stream()
        .filter(s -> s.platform().equals(platform))
        .findFirst()
        .orElseThrow();
  }

  /**
   * The platform refuses the connection's token twice more ({@code status} with its documented
   * error {@code body} at {@code path}): on its next cycle the poller refreshes once, is refused
   * again and marks the connection needs_reconnect; an hour later nothing more is sent for it.
   */
  void refusedTwiceMarksNeedsReconnect(
      String platform, String path, int status, String contentType, String body, UUID id) {
    for (int i = 0; i < 2; i++) {
      H.faults.next(path, status, Map.of("Content-Type", contentType), body);
    }
    H.clock.advance(Duration.ofMinutes(16));
    scheduler.runOnce(platform);
    int sent = H.faults.requests().size();
    H.clock.advance(Duration.ofHours(1));
    scheduler.runOnce(platform);

    assertThat(H.row(id).get("status")).isEqualTo("needs_reconnect");
    assertThat(H.faults.requests()).hasSize(sent);
  }

  static String run() {
    return Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()) % 1_000_000_000L);
  }

  static List<StudioEvent> of(List<StudioEvent> events, EventType type) {
    return events.stream().filter(e -> e.type() == type).toList();
  }
}
