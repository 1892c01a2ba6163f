package io.aegntic.studio.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * An automation rule as published on the compacted {@link Topics#RULES} (key = ruleId; a delete is
 * a tombstone). It fires when {@code metric} (a value name of {@code family}, e.g. {@code
 * engagement_score}) of a subject in {@code scope} compares true against {@code threshold} within
 * {@code window}; it then stays quiet for {@code cooldown}. A null {@code subject} matches every
 * subject of the creator in that scope.
 */
public record AutomationRule(
    String ruleId,
    String creatorId,
    String name,
    MetricUpdate.Family family,
    String metric,
    MetricUpdate.Scope scope,
    String subject,
    Comparator comparator,
    double threshold,
    Duration window,
    Duration cooldown,
    boolean enabled,
    Action action,
    Instant updatedAt) {

  public AutomationRule {
    Require.text(ruleId, "ruleId");
    Require.text(creatorId, "creatorId");
    Require.present(family, "family");
    Require.text(metric, "metric");
    Require.present(scope, "scope");
    Require.present(comparator, "comparator");
    Require.present(window, "window");
    Require.present(cooldown, "cooldown");
    Require.present(action, "action");
    Require.present(updatedAt, "updatedAt");
  }

  /** How the metric is compared with the threshold. */
  public enum Comparator {
    GT,
    GTE,
    LT,
    LTE;

    public boolean test(double value, double threshold) {
      return switch (this) {
        case GT -> value > threshold;
        case GTE -> value >= threshold;
        case LT -> value < threshold;
        case LTE -> value <= threshold;
      };
    }

    @JsonValue
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Comparator of(String id) {
      return Enums.parse(Comparator.class, id, "comparator");
    }
  }

  /** What a firing does, with its settings (tone, platform, webhook url, ...). */
  public record Action(ActionType type, Map<String, String> settings) {
    public Action {
      Require.present(type, "action.type");
      settings = settings == null ? Map.of() : Map.copyOf(settings);
    }
  }

  /** The kinds of action. */
  public enum ActionType {
    DRAFT_CONTENT,
    NOTIFY,
    WEBHOOK;

    @JsonValue
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ActionType of(String id) {
      return Enums.parse(ActionType.class, id, "action type");
    }
  }
}
