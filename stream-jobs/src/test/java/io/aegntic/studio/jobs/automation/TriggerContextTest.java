package io.aegntic.studio.jobs.automation;

import static io.aegntic.studio.jobs.automation.AutomationFixtures.CREATOR;
import static io.aegntic.studio.jobs.automation.AutomationFixtures.T0;
import static io.aegntic.studio.jobs.automation.AutomationFixtures.rule;
import static io.aegntic.studio.jobs.automation.AutomationFixtures.score;
import static org.assertj.core.api.Assertions.assertThat;

import io.aegntic.studio.events.MetricUpdate;
import io.aegntic.studio.events.RuleTrigger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TriggerContextTest {
  @TempDir Path stateDir;

  @Test
  void aFiringCarriesTopCommentsOfItsSubjectAndRecentTrendingHashtags() {
    try (AutomationFixtures t = new AutomationFixtures(stateDir)) {
      t.put(rule("r1", 80, Duration.ZERO));
      t.send(
          sentiment("post-9", 1, Map.of("top_comment_1", "other post")),
          sentiment("post-1", 1, Map.of("top_comment_2", "second", "top_comment_1", "first")),
          hashtag(MetricUpdate.Family.ENGAGEMENT, "#cats", 1, Map.of("mentions", 40.0)),
          hashtag(MetricUpdate.Family.ENGAGEMENT, "dogs", 1, Map.of("mentions", 90.0)),
          hashtag(MetricUpdate.Family.TREND, "#cats", 2, Map.of("trending", 1.0)),
          hashtag(MetricUpdate.Family.ENGAGEMENT, "#old", -90, Map.of("engagements", 999.0)),
          score("post-1", 3, 85));

      RuleTrigger fired = t.fired().get(0);
      assertThat(fired.topComments()).containsExactly("first", "second");
      assertThat(fired.trendingHashtags()).containsExactly("#cats", "#dogs");
    }
  }

  @Test
  void withoutCommentsOfItsOwnAFiringUsesTheMostRecentOnes() {
    try (AutomationFixtures t = new AutomationFixtures(stateDir)) {
      t.put(rule("r1", 80, Duration.ZERO));
      t.send(
          sentiment("post-8", 1, Map.of("top_comment_1", "older")),
          sentiment("post-9", 2, Map.of("top_comment_1", "newest")),
          score("post-1", 3, 85));
      assertThat(t.fired().get(0).topComments()).containsExactly("newest");
    }
  }

  static MetricUpdate sentiment(String subject, int minutes, Map<String, String> labels) {
    Instant end = T0.plus(Duration.ofMinutes(minutes));
    return new MetricUpdate(
        CREATOR,
        MetricUpdate.Family.SENTIMENT,
        MetricUpdate.Scope.CONTENT,
        subject,
        null,
        end.minus(Duration.ofMinutes(1)),
        end,
        MetricUpdate.Emission.FINAL,
        Map.of("negative_share", 0.1),
        labels,
        end);
  }

  static MetricUpdate hashtag(
      MetricUpdate.Family family, String tag, int minutes, Map<String, Double> values) {
    Instant end = T0.plus(Duration.ofMinutes(minutes));
    return new MetricUpdate(
        CREATOR,
        family,
        MetricUpdate.Scope.HASHTAG,
        tag,
        null,
        end.minus(Duration.ofMinutes(1)),
        end,
        MetricUpdate.Emission.FINAL,
        values,
        Map.of(),
        end);
  }
}
