package io.aegntic.studio.jobs.automation;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What the topology remembers per (rule, subject): the rule version it was evaluated with, the last
 * firing, the latest value, and per series (platform or "all") the newest window seen and whether
 * the condition currently holds (a crossing was consumed; re-armed when it stops holding).
 */
record RuleState(
    String ruleId,
    String subject,
    Instant ruleVersion,
    Instant lastFiredAt,
    Instant lastFiredWindowEnd,
    Double currentValue,
    Instant currentWindowEnd,
    Map<String, Series> series) {

  /** Per series: the newest window evaluated and whether the condition held for it. */
  record Series(Instant lastWindowEnd, boolean holding) {}

  RuleState {
    series = series == null ? Map.of() : Map.copyOf(series);
  }

  static RuleState fresh(String ruleId, String subject, Instant ruleVersion) {
    return new RuleState(ruleId, subject, ruleVersion, null, null, null, null, Map.of());
  }

  /** Stored key: ruleId and subject; a range over {@code ruleId + SEP} finds a rule's subjects. */
  static String key(String ruleId, String subject) {
    return ruleId + SEP + subject;
  }

  static final char SEP = '\u001f';

  Series series(String seriesId) {
    return series.getOrDefault(seriesId, new Series(null, false));
  }

  /** After the rule changed: every series is re-armed; the last firing (cooldown) is kept. */
  RuleState rearmedFor(Instant version) {
    Map<String, Series> rearmed = new HashMap<>();
    series.forEach((id, s) -> rearmed.put(id, new Series(s.lastWindowEnd(), false)));
    return new RuleState(
        ruleId,
        subject,
        version,
        lastFiredAt,
        lastFiredWindowEnd,
        currentValue,
        currentWindowEnd,
        rearmed);
  }

  RuleState observed(String seriesId, Series next, double value, Instant windowEnd) {
    Map<String, Series> updated = new HashMap<>(series);
    updated.put(seriesId, next);
    return new RuleState(
        ruleId, subject, ruleVersion, lastFiredAt, lastFiredWindowEnd, value, windowEnd, updated);
  }

  RuleState fired(Instant at, Instant windowEnd) {
    return new RuleState(
        ruleId, subject, ruleVersion, at, windowEnd, currentValue, currentWindowEnd, series);
  }
}
