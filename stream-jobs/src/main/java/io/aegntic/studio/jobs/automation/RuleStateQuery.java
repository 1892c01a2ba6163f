package io.aegntic.studio.jobs.automation;

import io.aegntic.studio.events.AutomationRule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Interactive queries over the topology's stores: each rule's state per subject (last fired,
 * cooldown until, current value). Reads the stores of this instance, which hosts every partition
 * when one instance runs (the local set-up).
 */
final class RuleStateQuery {
  private final Supplier<ReadOnlyKeyValueStore<String, byte[]>> rules;
  private final Supplier<ReadOnlyKeyValueStore<String, RuleState>> states;

  RuleStateQuery(
      Supplier<ReadOnlyKeyValueStore<String, byte[]>> rules,
      Supplier<ReadOnlyKeyValueStore<String, RuleState>> states) {
    this.rules = rules;
    this.states = states;
  }

  /** A rule with its per-subject state. */
  record RuleView(
      String ruleId,
      String creatorId,
      String name,
      boolean enabled,
      String metric,
      String comparator,
      double threshold,
      List<SubjectView> subjects) {}

  /** One subject's state under a rule; {@code holding} means it fired and is not yet re-armed. */
  record SubjectView(
      String subject,
      Double currentValue,
      Instant currentWindowEnd,
      Instant lastFiredAt,
      Instant lastFiredWindowEnd,
      Instant cooldownUntil,
      boolean holding) {}

  Optional<RuleView> rule(String ruleId) {
    AutomationRule rule = new RuleBook().get(rules.get(), ruleId);
    return Optional.ofNullable(rule).map(this::view);
  }

  List<RuleView> creator(String creatorId) {
    return new RuleBook()
        .forCreator(rules.get(), creatorId).stream()
            .map(this::view)
            .sorted(java.util.Comparator.comparing(RuleView::ruleId))
            .toList();
  }

  private RuleView view(AutomationRule rule) {
    List<SubjectView> subjects = new ArrayList<>();
    String from = rule.ruleId() + RuleState.SEP;
    String to = rule.ruleId() + (char) (RuleState.SEP + 1);
    try (KeyValueIterator<String, RuleState> it = states.get().range(from, to)) {
      while (it.hasNext()) {
        KeyValue<String, RuleState> entry = it.next();
        if (entry.key.startsWith(from)) {
          subjects.add(subject(rule, entry.value));
        }
      }
    }
    subjects.sort(java.util.Comparator.comparing(SubjectView::subject));
    return new RuleView(
        rule.ruleId(),
        rule.creatorId(),
        rule.name(),
        rule.enabled(),
        rule.metric(),
        rule.comparator().id(),
        rule.threshold(),
        subjects);
  }

  private static SubjectView subject(AutomationRule rule, RuleState s) {
    boolean current = rule.updatedAt().equals(s.ruleVersion());
    boolean holding = current && s.series().values().stream().anyMatch(RuleState.Series::holding);
    return new SubjectView(
        s.subject(),
        s.currentValue(),
        s.currentWindowEnd(),
        s.lastFiredAt(),
        s.lastFiredWindowEnd(),
        s.lastFiredAt() == null ? null : s.lastFiredAt().plus(rule.cooldown()),
        holding);
  }
}
