package io.aegntic.studio.serving.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aegntic.studio.serving.config.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricQueryTest {
  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

  private static MetricQuery parse(
      String metric, String content, String from, String to, String step) {
    return MetricQuery.parse(metric, content, null, null, null, from, to, step, NOW);
  }

  @Test
  void defaultsToTheLast24HoursOfTheCreatorScope() {
    MetricQuery q = parse("engagement.engagement_rate", null, null, null, null);
    assertThat(q.metric().aggregate()).isEqualTo("mean");
    assertThat(q.scope()).isEqualTo("creator");
    assertThat(q.to()).isEqualTo(NOW);
    assertThat(q.from()).isEqualTo(NOW.minus(Duration.ofHours(24)));
    assertThat(q.step()).isNull();
  }

  @Test
  void contentAndHashtagSetTheScope() {
    assertThat(parse("engagement.likes", "post-1", null, null, "5m").scope()).isEqualTo("content");
    MetricQuery tag =
        MetricQuery.parse("trend.velocity", null, "#Launch", null, null, null, null, "1h", NOW);
    assertThat(tag.scope()).isEqualTo("hashtag");
    assertThat(tag.subject()).isEqualTo("launch");
    assertThat(tag.step()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void rejectsAnythingOutsideTheWhitelistWithAReason() {
    for (String metric : List.of("engagement.likes\"; DROP", "users.password", "likes", "")) {
      assertThatThrownBy(() -> parse(metric, null, null, null, null))
          .isInstanceOf(ApiException.class)
          .hasFieldOrPropertyWithValue("code", "bad_metric");
    }
    Map<String, String> badSteps =
        Map.of(
            "1s",
            "bad_step",
            "0m",
            "bad_step",
            "1w",
            "bad_step",
            "5m;DROP",
            "bad_step",
            "40d",
            "bad_step");
    badSteps.forEach(
        (step, code) ->
            assertThatThrownBy(() -> parse("engagement.likes", null, null, null, step))
                .hasFieldOrPropertyWithValue("code", code));
    assertThatThrownBy(() -> parse("engagement.likes", "x' OR 1=1", null, null, null))
        .hasFieldOrPropertyWithValue("code", "bad_content");
  }

  @Test
  void explicitScopeAndSubjectMapOntoContentOrHashtag() {
    assertThat(MetricQuery.scoped("hashtag", "launch", null, null)).containsExactly(null, "launch");
    assertThat(MetricQuery.scoped("content", "p1", null, null)).containsExactly("p1", null);
    assertThat(MetricQuery.scoped("creator", "x", "p1", null)).containsExactly(null, null);
    assertThat(MetricQuery.scoped(null, null, "p1", null)).containsExactly("p1", null);
    assertThatThrownBy(() -> MetricQuery.scoped("tenant", null, null, null))
        .hasFieldOrPropertyWithValue("code", "bad_scope");
  }

  @Test
  void rejectsAbsurdRanges() {
    assertThatThrownBy(
            () ->
                parse(
                    "engagement.likes", null, "2026-06-02T00:00:00Z", "2026-06-01T00:00:00Z", null))
        .hasMessageContaining("before");
    assertThatThrownBy(() -> parse("engagement.likes", null, "2020-01-01T00:00:00Z", null, null))
        .hasMessageContaining("400 days");
    assertThatThrownBy(() -> parse("engagement.likes", null, null, "2030-01-01T00:00:00Z", null))
        .hasFieldOrPropertyWithValue("code", "bad_range");
    assertThatThrownBy(() -> parse("engagement.likes", null, "2026-01-01T00:00:00Z", null, "10s"))
        .hasMessageContaining("10000 points");
    assertThatThrownBy(() -> parse("engagement.likes", null, "last week", null, null))
        .hasFieldOrPropertyWithValue("code", "bad_from");
  }
}
