package io.aegntic.studio.serving.automation;

import io.aegntic.studio.events.AutomationRule;
import io.aegntic.studio.events.MetricUpdate;
import java.time.Duration;
import java.time.Instant;

/** A validated rule, without identity: what {@link RuleValidator} makes of a request. */
record RuleSpec(
    String name,
    MetricUpdate.Family family,
    String metric,
    MetricUpdate.Scope scope,
    String subject,
    AutomationRule.Comparator comparator,
    double threshold,
    Duration window,
    Duration cooldown,
    boolean enabled,
    AutomationRule.Action action) {

  /** The rule as published on the rules topic. */
  AutomationRule toEvent(String ruleId, String creatorId, Instant updatedAt) {
    return new AutomationRule(
        ruleId,
        creatorId,
        name,
        family,
        metric,
        scope,
        subject,
        comparator,
        threshold,
        window,
        cooldown,
        enabled,
        action,
        updatedAt);
  }

  RuleSpec withEnabled(boolean value) {
    return new RuleSpec(
        name,
        family,
        metric,
        scope,
        subject,
        comparator,
        threshold,
        window,
        cooldown,
        value,
        action);
  }
}
