package io.aegntic.studio.serving.automation;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** A row of {@code automation_rules}; {@code sealedSecret} is the encrypted webhook secret. */
record StoredRule(
    UUID id,
    String creatorId,
    RuleSpec spec,
    byte[] sealedSecret,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  RuleApi.Rule toApi(String webhookSecret) {
    return new RuleApi.Rule(
        id.toString(),
        creatorId,
        spec.name(),
        spec.family().name().toLowerCase(Locale.ROOT),
        spec.metric(),
        spec.scope().name().toLowerCase(Locale.ROOT),
        spec.subject(),
        spec.comparator().id(),
        spec.threshold(),
        spec.window().toString(),
        spec.cooldown().toString(),
        spec.enabled(),
        new RuleApi.ActionRequest(spec.action().type().id(), spec.action().settings()),
        webhookSecret,
        version,
        createdAt,
        updatedAt);
  }
}
