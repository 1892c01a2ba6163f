package io.aegntic.studio.serving.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aegntic.studio.events.AutomationRule;
import io.aegntic.studio.events.MetricUpdate;
import io.aegntic.studio.serving.config.InvalidFields;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleValidatorTest {

  static RuleApi.RuleRequest request(
      String family, String metric, String window, RuleApi.ActionRequest action) {
    return new RuleApi.RuleRequest(
        null, "viral", family, metric, "content", null, "gt", 80.0, window, "PT30M", null, action);
  }

  static RuleApi.ActionRequest draft(String platform) {
    return new RuleApi.ActionRequest("draft_content", Map.of("platform", platform));
  }

  private static Map<String, String> fields(RuleApi.RuleRequest r) {
    try {
      RuleValidator.validate(r);
    } catch (InvalidFields e) {
      return e.fields();
    }
    throw new AssertionError("expected InvalidFields");
  }

  @Test
  void aValidRuleBecomesASpec() {
    RuleSpec spec =
        RuleValidator.validate(request("engagement", "engagement_score", "PT15M", draft("x")));
    assertThat(spec.family()).isEqualTo(MetricUpdate.Family.ENGAGEMENT);
    assertThat(spec.scope()).isEqualTo(MetricUpdate.Scope.CONTENT);
    assertThat(spec.comparator()).isEqualTo(AutomationRule.Comparator.GT);
    assertThat(spec.window()).isEqualTo(Duration.ofMinutes(15));
    assertThat(spec.cooldown()).isEqualTo(Duration.ofMinutes(30));
    assertThat(spec.enabled()).isTrue();
    assertThat(spec.subject()).isNull();
    assertThat(spec.action().type()).isEqualTo(AutomationRule.ActionType.DRAFT_CONTENT);
  }

  @Test
  void aMetricMustBelongToItsFamily() {
    assertThat(fields(request("audience", "engagement_score", "PT15M", draft("x"))))
        .containsKey("metric");
    assertThat(fields(request("colour", "likes", "PT15M", draft("x")))).containsKeys("family");
    RuleValidator.validate(request("sentiment", "negative_share", "PT1H", draft("x")));
  }

  @Test
  void everyBadFieldIsNamedAtOnce() {
    RuleApi.RuleRequest r =
        new RuleApi.RuleRequest(
            null,
            "",
            "engagement",
            "likes",
            "galaxy",
            null,
            "approx",
            Double.NaN,
            "15 minutes",
            "P400D",
            null,
            new RuleApi.ActionRequest("email", Map.of()));
    assertThat(fields(r))
        .containsKeys(
            "name", "scope", "comparator", "threshold", "window", "cooldown", "action.type");
  }

  @Test
  void windowsAndCooldownsAreBounded() {
    assertThat(fields(request("engagement", "likes", "PT10S", draft("x")))).containsKey("window");
    assertThat(fields(request("engagement", "likes", "P8D", draft("x")))).containsKey("window");
    assertThat(fields(request("engagement", "likes", "PT-5M", draft("x")))).containsKey("window");
    RuleValidator.validate(request("engagement", "likes", "P7D", draft("x")));
  }

  @Test
  void actionSettingsAreChecked() {
    assertThat(fields(request("engagement", "likes", "PT15M", draft("stripe"))))
        .containsKey("action.settings.platform");
    assertThat(
            fields(
                request(
                    "engagement",
                    "likes",
                    "PT15M",
                    new RuleApi.ActionRequest("draft_content", Map.of()))))
        .containsKey("action.settings.platform");
    for (String url : new String[] {"ftp://example.com/x", "not a url", "https://", "/relative"}) {
      assertThat(
              fields(
                  request(
                      "engagement",
                      "likes",
                      "PT15M",
                      new RuleApi.ActionRequest("webhook", Map.of("url", url)))))
          .as(url)
          .containsKey("action.settings.url");
    }
    RuleValidator.validate(
        request(
            "engagement",
            "likes",
            "PT15M",
            new RuleApi.ActionRequest("webhook", Map.of("url", "https://hooks.example.com/a"))));
    assertThat(
            fields(
                request(
                    "engagement",
                    "likes",
                    "PT15M",
                    new RuleApi.ActionRequest("notify", Map.of("severity", "apocalyptic")))))
        .containsKey("action.settings.severity");
  }

  @Test
  void aMissingActionOrBodyIsReported() {
    assertThat(fields(request("engagement", "likes", "PT15M", null))).containsKey("action");
    assertThatThrownBy(() -> RuleValidator.validate(null)).isInstanceOf(InvalidFields.class);
  }

  @Test
  void theDemoRuleIsValidAndCrossesOnlyOnBursts() {
    RuleSpec demo = DemoRules.spec();
    RuleApi.RuleRequest asRequest =
        new RuleApi.RuleRequest(
            null,
            demo.name(),
            "engagement",
            demo.metric(),
            "content",
            null,
            demo.comparator().id(),
            demo.threshold(),
            demo.window().toString(),
            demo.cooldown().toString(),
            true,
            new RuleApi.ActionRequest(demo.action().type().id(), demo.action().settings()));
    assertThat(RuleValidator.validate(asRequest)).isEqualTo(demo);
    // docs/metrics.md: score = 100 (1 - e^(-E/50)); a burst minute has E in the hundreds, a normal
    // minute on one post well under 100.
    assertThat(100 * (1 - Math.exp(-400 / 50.0))).isGreaterThan(DemoRules.THRESHOLD);
    assertThat(100 * (1 - Math.exp(-100 / 50.0))).isLessThan(DemoRules.THRESHOLD);
    assertThat(DemoRules.ruleId("creator-demo-1")).isEqualTo(DemoRules.ruleId("creator-demo-1"));
  }
}
