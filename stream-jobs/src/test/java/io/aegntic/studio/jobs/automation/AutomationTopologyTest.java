package io.aegntic.studio.jobs.automation;

import static io.aegntic.studio.jobs.automation.AutomationFixtures.CREATOR;
import static io.aegntic.studio.jobs.automation.AutomationFixtures.T0;
import static io.aegntic.studio.jobs.automation.AutomationFixtures.rule;
import static io.aegntic.studio.jobs.automation.AutomationFixtures.score;
import static org.assertj.core.api.Assertions.assertThat;

import io.aegntic.studio.events.AutomationRule;
import io.aegntic.studio.events.RuleTrigger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutomationTopologyTest {
  @TempDir Path stateDir;
  AutomationFixtures t;

  @BeforeEach
  void start() {
    t = new AutomationFixtures(stateDir);
  }

  @AfterEach
  void stop() {
    t.close();
  }

  @Test
  void aCrossingFiresOnceWhileTheValueStaysAbove() {
    t.put(rule("r1", 80, Duration.ZERO));
    t.send(score("post-1", 1, 50), score("post-1", 2, 85), score("post-1", 3, 90));

    List<RuleTrigger> fired = t.fired();
    assertThat(fired).hasSize(1);
    RuleTrigger trigger = fired.get(0);
    assertThat(trigger.ruleId()).isEqualTo("r1");
    assertThat(trigger.creatorId()).isEqualTo(CREATOR);
    assertThat(trigger.subject()).isEqualTo("post-1");
    assertThat(trigger.value()).isEqualTo(85);
    assertThat(trigger.threshold()).isEqualTo(80);
    assertThat(trigger.windowEnd()).isEqualTo(T0.plus(Duration.ofMinutes(2)));
    assertThat(trigger.metricValues()).containsEntry("engagement_score", 85.0);
    assertThat(trigger.action().type()).isEqualTo(AutomationRule.ActionType.DRAFT_CONTENT);
    assertThat(trigger.triggerId())
        .isEqualTo(TriggerIds.of("r1", "post-1", T0.plus(Duration.ofMinutes(2))));
  }

  @Test
  void theTriggerIsKeyedByCreator() {
    t.put(rule("r1", 80, Duration.ZERO));
    t.send(score("post-1", 1, 85));
    assertThat(t.triggers.readKeyValue().key).isEqualTo(CREATOR);
  }

  @Test
  void aRuleReArmsWhenTheValueFallsBack() {
    t.put(rule("r1", 80, Duration.ZERO));
    t.send(score("post-1", 1, 85), score("post-1", 2, 60), score("post-1", 3, 88));
    assertThat(t.fired()).extracting(RuleTrigger::value).containsExactly(85.0, 88.0);
  }

  @Test
  void anEarlyAndAFinalEmissionOfTheSameWindowFireOnce() {
    t.put(rule("r1", 80, Duration.ZERO));
    var early = score("post-1", 1, 82);
    var fin = score("post-1", 1, 86);
    t.send(early, fin);
    assertThat(t.fired()).hasSize(1);
  }

  @Test
  void theCooldownSuppressesRepeatsUntilItEnds() {
    t.put(rule("r1", 80, Duration.ofMinutes(30)));
    t.send(score("post-1", 1, 85), score("post-1", 2, 60), score("post-1", 3, 90));
    assertThat(t.fired()).extracting(RuleTrigger::value).containsExactly(85.0);

    // 40 minutes later the cooldown is over: the next crossing fires again.
    t.send(score("post-1", 40, 60), score("post-1", 41, 95));
    assertThat(t.fired()).extracting(RuleTrigger::value).containsExactly(95.0);
  }

  @Test
  void eachSubjectHasItsOwnState() {
    t.put(rule("r1", 80, Duration.ofMinutes(30)));
    t.send(score("post-1", 1, 85), score("post-2", 1, 91));
    assertThat(t.fired()).extracting(RuleTrigger::subject).containsExactly("post-1", "post-2");
  }

  @Test
  void updatingARuleTakesEffectOnTheNextUpdate() {
    t.put(rule("r1", 80, Duration.ZERO));
    t.send(score("post-1", 1, 70));
    assertThat(t.fired()).isEmpty();

    t.put(withThreshold(rule("r1", 80, Duration.ZERO), 65));
    t.send(score("post-1", 2, 70));
    assertThat(t.fired()).extracting(RuleTrigger::threshold).containsExactly(65.0);
  }

  @Test
  void raisingTheThresholdAboveTheValueReArmsTheRule() {
    t.put(rule("r1", 80, Duration.ZERO));
    t.send(score("post-1", 1, 85));
    t.put(withThreshold(rule("r1", 80, Duration.ZERO), 90));
    t.send(score("post-1", 2, 86), score("post-1", 3, 95));
    assertThat(t.fired()).extracting(RuleTrigger::value).containsExactly(85.0, 95.0);
  }

  @Test
  void aDeletedRuleStopsFiring() {
    t.put(rule("r1", 80, Duration.ZERO));
    t.send(score("post-1", 1, 85), score("post-1", 2, 50));
    assertThat(t.fired()).hasSize(1);

    t.delete("r1");
    t.send(score("post-1", 3, 99));
    assertThat(t.fired()).isEmpty();
  }

  @Test
  void aDisabledRuleNeverFires() {
    t.put(disabled(rule("r1", 80, Duration.ZERO)));
    t.send(score("post-1", 1, 50), score("post-1", 2, 85), score("post-1", 3, 99));
    assertThat(t.fired()).isEmpty();
  }

  @Test
  void disablingARuleTakesEffectImmediately() {
    t.put(rule("r1", 80, Duration.ZERO));
    t.send(score("post-1", 1, 50));
    t.put(disabled(rule("r1", 80, Duration.ZERO)));
    t.send(score("post-1", 2, 85));
    assertThat(t.fired()).isEmpty();
  }

  @Test
  void aLateOlderWindowAboveTheThresholdDoesNotFire() {
    t.put(rule("r1", 80, Duration.ZERO));
    t.send(score("post-1", 5, 60));
    t.send(lateCopy(score("post-1", 3, 95), 6));
    assertThat(t.fired()).isEmpty();
  }

  @Test
  void aLateOlderWindowBelowTheThresholdDoesNotReArm() {
    t.put(rule("r1", 80, Duration.ZERO));
    t.send(score("post-1", 5, 85));
    t.send(lateCopy(score("post-1", 4, 40), 6), score("post-1", 6, 90));
    assertThat(t.fired()).extracting(RuleTrigger::value).containsExactly(85.0);
  }

  @Test
  void aWindowThatEndedBeforeTheRuleWindowDoesNotFire() {
    t.put(rule("r1", 80, Duration.ZERO));
    // a correction of a window that ended an hour before it was emitted; the rule window is 15m
    t.send(lateCopy(score("post-1", 1, 99), 61));
    assertThat(t.fired()).isEmpty();
  }

  @Test
  void onlyMatchingCreatorFamilyScopeSubjectAndMetricFire() {
    AutomationRule r = rule("r1", 80, Duration.ZERO);
    t.put(
        new AutomationRule(
            r.ruleId(),
            r.creatorId(),
            r.name(),
            r.family(),
            r.metric(),
            r.scope(),
            "post-2",
            r.comparator(),
            r.threshold(),
            r.window(),
            r.cooldown(),
            true,
            r.action(),
            r.updatedAt()));
    var other = score("post-2", 1, 99);
    t.send(
        score("post-1", 1, 99),
        new io.aegntic.studio.events.MetricUpdate(
            "creator-2",
            other.family(),
            other.scope(),
            "post-2",
            other.platform(),
            other.windowStart(),
            other.windowEnd(),
            other.emission(),
            other.values(),
            other.labels(),
            other.emittedAt()),
        new io.aegntic.studio.events.MetricUpdate(
            CREATOR,
            other.family(),
            other.scope(),
            "post-2",
            other.platform(),
            other.windowStart(),
            other.windowEnd(),
            other.emission(),
            java.util.Map.of("likes", 500.0),
            other.labels(),
            other.emittedAt()));
    assertThat(t.fired()).isEmpty();

    t.send(score("post-2", 2, 99));
    assertThat(t.fired()).extracting(RuleTrigger::subject).containsExactly("post-2");
  }

  @Test
  void anUnreadableMetricRecordIsSkipped() {
    t.put(rule("r1", 80, Duration.ZERO));
    t.metrics.pipeInput(CREATOR, "{not json".getBytes());
    t.rules.pipeInput("r-bad", "{\"ruleId\":\"r-bad\"}".getBytes());
    t.send(score("post-1", 1, 85));
    assertThat(t.fired()).hasSize(1);
  }

  static AutomationRule withThreshold(AutomationRule r, double threshold) {
    return new AutomationRule(
        r.ruleId(),
        r.creatorId(),
        r.name(),
        r.family(),
        r.metric(),
        r.scope(),
        r.subject(),
        r.comparator(),
        threshold,
        r.window(),
        r.cooldown(),
        r.enabled(),
        r.action(),
        r.updatedAt().plusSeconds(60));
  }

  static AutomationRule disabled(AutomationRule r) {
    return new AutomationRule(
        r.ruleId(),
        r.creatorId(),
        r.name(),
        r.family(),
        r.metric(),
        r.scope(),
        r.subject(),
        r.comparator(),
        r.threshold(),
        r.window(),
        r.cooldown(),
        false,
        r.action(),
        r.updatedAt().plusSeconds(60));
  }

  /** The same update, emitted {@code minutes} after T0 (a late correction). */
  static io.aegntic.studio.events.MetricUpdate lateCopy(
      io.aegntic.studio.events.MetricUpdate u, int minutes) {
    Instant at = T0.plus(Duration.ofMinutes(minutes)).plusSeconds(30);
    return new io.aegntic.studio.events.MetricUpdate(
        u.creatorId(),
        u.family(),
        u.scope(),
        u.subject(),
        u.platform(),
        u.windowStart(),
        u.windowEnd(),
        io.aegntic.studio.events.MetricUpdate.Emission.CORRECTION,
        u.values(),
        u.labels(),
        at);
  }
}
