package io.aegntic.studio.serving.automation;

import io.aegntic.studio.events.AutomationRule;
import io.aegntic.studio.events.MetricUpdate;
import io.aegntic.studio.serving.config.InvalidFields;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks a rule request field by field and collects every problem into one 400 ({@link
 * InvalidFields}), so nothing half-valid is stored or published.
 */
final class RuleValidator {
  /** Value names per family, as the analytics job writes them (docs/metrics.md). */
  static final Map<MetricUpdate.Family, Set<String>> METRICS =
      Map.of(
          MetricUpdate.Family.ENGAGEMENT,
          Set.of(
              "likes",
              "comments",
              "shares",
              "saves",
              "views",
              "engagements",
              "reach",
              "engagement_rate",
              "engagement_score",
              "mentions"),
          MetricUpdate.Family.AUDIENCE,
          Set.of("followers", "followers_change"),
          MetricUpdate.Family.SENTIMENT,
          Set.of("negative", "neutral", "positive", "mean_polarity", "negative_share"),
          MetricUpdate.Family.TREND,
          Set.of(
              "value",
              "forecast",
              "forecast_low",
              "forecast_high",
              "velocity",
              "anomaly_score",
              "trending"),
          MetricUpdate.Family.REVENUE,
          Set.of("mrr", "new_subscriptions", "churned_subscriptions", "refunds", "revenue"));

  static final Set<String> PLATFORMS =
      Set.of("x", "instagram", "facebook", "youtube", "tiktok", "linkedin");
  static final Set<String> DRAFT_TYPES = Set.of("post", "caption", "thread", "video", "reply");
  static final Duration MIN_WINDOW = Duration.ofMinutes(1);
  static final Duration MAX_WINDOW = Duration.ofDays(7);
  static final Duration MAX_COOLDOWN = Duration.ofDays(30);
  private static final int MAX_SETTINGS = 20;
  private static final int MAX_SETTING_LENGTH = 500;

  private RuleValidator() {}

  static RuleSpec validate(RuleApi.RuleRequest r) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (r == null) {
      throw InvalidFields.of("body", "a rule is required");
    }
    String name = r.name() == null ? "" : r.name().strip();
    if (name.isEmpty() || name.length() > 100) {
      errors.put("name", "must be 1..100 characters");
    }
    MetricUpdate.Family family = parse(MetricUpdate.Family.class, r.family(), "family", errors);
    MetricUpdate.Scope scope = parse(MetricUpdate.Scope.class, r.scope(), "scope", errors);
    AutomationRule.Comparator comparator =
        parse(AutomationRule.Comparator.class, r.comparator(), "comparator", errors);
    String metric = r.metric() == null ? "" : r.metric().strip();
    if (family != null && !METRICS.get(family).contains(metric)) {
      errors.put(
          "metric",
          "must be a value of family "
              + family.name().toLowerCase(Locale.ROOT)
              + ": "
              + METRICS.get(family).stream().sorted().toList());
    }
    String subject = r.subject() == null || r.subject().isBlank() ? null : r.subject().strip();
    if (subject != null && subject.length() > 200) {
      errors.put("subject", "must be at most 200 characters");
    }
    if (r.threshold() == null || !Double.isFinite(r.threshold())) {
      errors.put("threshold", "must be a finite number");
    }
    Duration window = duration(r.window(), "window", MIN_WINDOW, MAX_WINDOW, errors);
    Duration cooldown = duration(r.cooldown(), "cooldown", Duration.ZERO, MAX_COOLDOWN, errors);
    AutomationRule.Action action = action(r.action(), errors);
    if (!errors.isEmpty()) {
      throw new InvalidFields(errors);
    }
    return new RuleSpec(
        name,
        family,
        metric,
        scope,
        subject,
        comparator,
        r.threshold(),
        window,
        cooldown,
        r.enabled() == null || r.enabled(),
        action);
  }

  private static AutomationRule.Action action(RuleApi.ActionRequest a, Map<String, String> errors) {
    if (a == null) {
      errors.put("action", "is required");
      return null;
    }
    AutomationRule.ActionType type =
        parse(AutomationRule.ActionType.class, a.type(), "action.type", errors);
    Map<String, String> settings = a.settings() == null ? Map.of() : a.settings();
    if (settings.size() > MAX_SETTINGS
        || settings.entrySet().stream()
            .anyMatch(
                e ->
                    e.getKey() == null
                        || e.getValue() == null
                        || e.getValue().length() > MAX_SETTING_LENGTH)) {
      errors.put(
          "action.settings",
          "at most " + MAX_SETTINGS + " text settings of at most " + MAX_SETTING_LENGTH + " chars");
      return null;
    }
    if (type == AutomationRule.ActionType.DRAFT_CONTENT) {
      String platform = settings.get("platform");
      if (platform == null || !PLATFORMS.contains(platform.toLowerCase(Locale.ROOT))) {
        errors.put("action.settings.platform", "required for draft_content: one of " + sorted());
      }
      String kind = settings.get("type");
      if (kind != null && !DRAFT_TYPES.contains(kind.toLowerCase(Locale.ROOT))) {
        errors.put("action.settings.type", "one of " + DRAFT_TYPES.stream().sorted().toList());
      }
    } else if (type == AutomationRule.ActionType.WEBHOOK) {
      if (!httpUrl(settings.get("url"))) {
        errors.put("action.settings.url", "required for webhook: an absolute http(s) URL");
      }
    } else if (type == AutomationRule.ActionType.NOTIFY) {
      String severity = settings.get("severity");
      if (severity != null && !List.of("info", "warning", "critical").contains(severity)) {
        errors.put("action.settings.severity", "one of info, warning, critical");
      }
    }
    return type == null ? null : new AutomationRule.Action(type, settings);
  }

  static boolean httpUrl(String url) {
    if (url == null || url.isBlank()) {
      return false;
    }
    try {
      URI uri = new URI(url);
      return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
          && uri.getHost() != null
          && uri.getUserInfo() == null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  private static List<String> sorted() {
    return PLATFORMS.stream().sorted().toList();
  }

  private static Duration duration(
      String text, String field, Duration min, Duration max, Map<String, String> errors) {
    if (text == null || text.isBlank()) {
      errors.put(field, "is required: an ISO-8601 duration such as PT15M");
      return null;
    }
    try {
      Duration d = Duration.parse(text.strip());
      if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
        errors.put(field, "must be between " + min + " and " + max);
        return null;
      }
      return d;
    } catch (DateTimeParseException e) {
      errors.put(field, "not an ISO-8601 duration (e.g. PT15M)");
      return null;
    }
  }

  private static <E extends Enum<E>> E parse(
      Class<E> type, String text, String field, Map<String, String> errors) {
    List<String> allowed =
        java.util.Arrays.stream(type.getEnumConstants())
            .map(e -> e.name().toLowerCase(Locale.ROOT))
            .toList();
    if (text != null && allowed.contains(text.strip().toLowerCase(Locale.ROOT))) {
      return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
    }
    errors.put(field, "must be one of " + allowed);
    return null;
  }
}
