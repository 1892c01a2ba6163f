package io.aegntic.studio.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A rule firing on {@link Topics#TRIGGERS} (key = creatorId), with the context that caused it.
 * {@code triggerId} is deterministic from the rule, the subject and the window that fired, so an
 * action can be made idempotent on it.
 */
public record RuleTrigger(
    String triggerId,
    String ruleId,
    String creatorId,
    String subject,
    Instant firedAt,
    Instant windowEnd,
    double value,
    double threshold,
    Map<String, Double> metricValues,
    List<String> topComments,
    List<String> trendingHashtags,
    AutomationRule.Action action) {

  public RuleTrigger {
    Require.text(triggerId, "triggerId");
    Require.text(ruleId, "ruleId");
    Require.text(creatorId, "creatorId");
    Require.text(subject, "subject");
    Require.present(firedAt, "firedAt");
    Require.present(action, "action");
    metricValues = metricValues == null ? Map.of() : Map.copyOf(metricValues);
    topComments = topComments == null ? List.of() : List.copyOf(topComments);
    trendingHashtags = trendingHashtags == null ? List.of() : List.copyOf(trendingHashtags);
  }
}
