package io.aegntic.studio.serving.automation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** JSON shapes of {@code /api/automation/**}. */
final class RuleApi {
  private RuleApi() {}

  /**
   * A rule as written by a client. {@code window} and {@code cooldown} are ISO-8601 durations
   * ({@code PT15M}); {@code enabled} defaults to true; {@code creatorId} to the primary creator.
   */
  record RuleRequest(
      String creatorId,
      String name,
      String family,
      String metric,
      String scope,
      String subject,
      String comparator,
      Double threshold,
      String window,
      String cooldown,
      Boolean enabled,
      ActionRequest action) {}

  /** {@code type} is {@code draft_content}, {@code notify} or {@code webhook}. */
  record ActionRequest(String type, Map<String, String> settings) {}

  /** {@code PATCH} body: only {@code enabled}. */
  record EnabledPatch(Boolean enabled) {}

  /**
   * A stored rule. {@code webhookSecret} (webhook rules only) is the HMAC key the receiver checks
   * {@code X-Studio-Signature} with; only the rule's owner sees it.
   */
  record Rule(
      String id,
      String creatorId,
      String name,
      String family,
      String metric,
      String scope,
      String subject,
      String comparator,
      double threshold,
      String window,
      String cooldown,
      boolean enabled,
      ActionRequest action,
      String webhookSecret,
      long version,
      Instant createdAt,
      Instant updatedAt) {}

  record RuleList(List<Rule> rules) {}

  /** One firing's action as recorded in {@code automation_executions}. */
  record Execution(
      String id,
      String triggerId,
      String ruleId,
      String creatorId,
      String subject,
      String actionType,
      String status,
      String error,
      String provider,
      String model,
      Integer inputTokens,
      Integer outputTokens,
      Double costUsd,
      String contentId,
      int attempts,
      Instant firedAt,
      Instant startedAt,
      Instant finishedAt) {}

  record ExecutionList(List<Execution> executions) {}
}
