package io.aegntic.studio.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContractRecordsJsonTest {
  private static final Instant AT = Instant.parse("2026-11-26T10:15:00Z");
  private static final AutomationRule.Action DRAFT =
      new AutomationRule.Action(AutomationRule.ActionType.DRAFT_CONTENT, Map.of("tone", "upbeat"));

  @Test
  void metricUpdateRoundTripsAndNamesItsSeries() {
    MetricUpdate m =
        new MetricUpdate(
            "c1",
            MetricUpdate.Family.ENGAGEMENT,
            MetricUpdate.Scope.CONTENT,
            "v9",
            Platform.TIKTOK,
            AT,
            AT.plusSeconds(60),
            MetricUpdate.Emission.EARLY,
            Map.of("likes", 4.0, "engagement_score", 81.5),
            Map.of(),
            AT.plusSeconds(30));
    MetricUpdate back = EventJson.read(EventJson.write(m), MetricUpdate.class);
    assertThat(back).isEqualTo(m);
    assertThat(back.seriesKey()).isEqualTo("engagement/content/v9/tiktok");
    assertThat(back.value("likes")).isEqualTo(4.0);
    assertThat(back.value("absent")).isNaN();
    assertThat(EventJson.writeString(m))
        .contains("\"family\":\"engagement\"", "\"emission\":\"early\"");
  }

  @Test
  void ruleTriggerAndDeadLetterRoundTrip() {
    AutomationRule rule =
        new AutomationRule(
            "r1",
            "c1",
            "viral",
            MetricUpdate.Family.ENGAGEMENT,
            "engagement_score",
            MetricUpdate.Scope.CONTENT,
            null,
            AutomationRule.Comparator.GT,
            80,
            Duration.ofMinutes(15),
            Duration.ofHours(1),
            true,
            DRAFT,
            AT);
    assertThat(EventJson.read(EventJson.write(rule), AutomationRule.class)).isEqualTo(rule);

    RuleTrigger trigger =
        new RuleTrigger(
            "t1",
            "r1",
            "c1",
            "v9",
            AT,
            AT,
            85,
            80,
            Map.of("engagement_score", 85.0),
            List.of("wow"),
            List.of("ai"),
            DRAFT);
    assertThat(EventJson.read(EventJson.write(trigger), RuleTrigger.class)).isEqualTo(trigger);

    DeadLetter dl = new DeadLetter("ingest", "x", "unmapped_event", "no handler", AT, "e30=");
    assertThat(EventJson.read(EventJson.write(dl), DeadLetter.class)).isEqualTo(dl);
  }

  @Test
  void comparatorsCompare() {
    assertThat(AutomationRule.Comparator.GT.test(81, 80)).isTrue();
    assertThat(AutomationRule.Comparator.GT.test(80, 80)).isFalse();
    assertThat(AutomationRule.Comparator.GTE.test(80, 80)).isTrue();
    assertThat(AutomationRule.Comparator.LT.test(79, 80)).isTrue();
    assertThat(AutomationRule.Comparator.LTE.test(81, 80)).isFalse();
  }

  @Test
  void missingRuleFieldIsNamed() {
    assertThatThrownBy(
            () -> EventJson.read("{\"ruleId\":\"r\",\"creatorId\":\"c\"}", AutomationRule.class))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("missing required field 'family'");
  }

  @Test
  void topicCatalogueHasEveryTopicOnceAndCompactsRules() {
    assertThat(Topics.all())
        .extracting(Topics.Spec::name)
        .containsExactly(Topics.EVENTS, Topics.METRICS, Topics.RULES, Topics.TRIGGERS, Topics.DLQ);
    assertThat(Topics.all())
        .filteredOn(Topics.Spec::compacted)
        .extracting(Topics.Spec::name)
        .containsExactly(Topics.RULES);
  }
}
