package io.aegntic.studio.serving.automation;

import io.aegntic.studio.events.EventJson;
import io.aegntic.studio.events.Platform;
import io.aegntic.studio.events.RuleTrigger;
import io.aegntic.studio.serving.content.ContentDrafts;
import io.aegntic.studio.serving.generation.Draft;
import io.aegntic.studio.serving.generation.DraftGenerator;
import io.aegntic.studio.serving.generation.DraftRequest;
import io.aegntic.studio.serving.generation.GenerationRecord;
import io.aegntic.studio.serving.stream.Alert;
import io.aegntic.studio.serving.stream.AlertBus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Runs a firing's action and says how it went. Never signals an error for the action's own failure
 * (that becomes a failed {@link ExecutionStore.Outcome} with the reason); only our own storage
 * failing propagates, so the trigger is redelivered.
 */
@Component
class Actions {
  /** Content items drafted by a rule carry this source. */
  static final String SOURCE = "automation";

  private final DraftGenerator generator;
  private final ContentDrafts drafts;
  private final AlertBus alerts;
  private final WebhookSender webhooks;
  private final RuleStore rules;
  private final SecretBox secrets;

  Actions(
      DraftGenerator generator,
      ContentDrafts drafts,
      AlertBus alerts,
      WebhookSender webhooks,
      RuleStore rules,
      SecretBox secrets) {
    this.generator = generator;
    this.drafts = drafts;
    this.alerts = alerts;
    this.webhooks = webhooks;
    this.rules = rules;
    this.secrets = secrets;
  }

  Mono<ExecutionStore.Outcome> run(RuleTrigger t) {
    return switch (t.action().type()) {
      case DRAFT_CONTENT -> draft(t);
      case NOTIFY -> notify(t);
      case WEBHOOK -> webhook(t);
    };
  }

  private Mono<ExecutionStore.Outcome> draft(RuleTrigger t) {
    Map<String, String> settings = t.action().settings();
    DraftRequest request;
    try {
      request =
          DraftRequest.forTrigger(t, Platform.of(settings.get("platform")), settings.get("tone"));
    } catch (IllegalArgumentException e) {
      return Mono.just(ExecutionStore.Outcome.failed("bad draft settings: " + e.getMessage(), 0));
    }
    return generator
        .generate(request)
        .flatMap(
            draft -> {
              GenerationRecord g = draft.generation();
              if (!draft.succeeded() || draft.body().isBlank()) {
                String reason = g.errorReason() == null ? "empty draft" : g.errorReason();
                alerts.publish(
                    alert(t, ":draft-failed", "warning", "Draft failed", reason, Map.of()));
                return Mono.just(outcome(false, reason, g, null));
              }
              return drafts
                  .save(
                      t.creatorId(),
                      title(draft, t),
                      draft.body(),
                      draft.platform().id(),
                      itemType(draft),
                      draft.hashtags(),
                      SOURCE)
                  .map(
                      saved -> {
                        Map<String, Object> data = new LinkedHashMap<>();
                        data.put("contentId", saved.id().toString());
                        data.put("triggerId", t.triggerId());
                        data.put("platform", draft.platform().id());
                        data.put("subject", t.subject());
                        data.put("template", draft.template());
                        alerts.publish(
                            alert(
                                t,
                                ":draft",
                                "info",
                                "Draft ready",
                                "A "
                                    + draft.platform().id()
                                    + " draft about "
                                    + t.subject()
                                    + " is in your library",
                                data));
                        return outcome(true, null, g, saved.id());
                      })
                  .onErrorResume(
                      IllegalArgumentException.class,
                      e ->
                          Mono.just(
                              outcome(false, "draft not storable: " + e.getMessage(), g, null)));
            });
  }

  private Mono<ExecutionStore.Outcome> notify(RuleTrigger t) {
    Map<String, String> s = t.action().settings();
    String title = s.getOrDefault("title", "Rule fired");
    String message =
        s.getOrDefault(
            "message",
            "Value "
                + round(t.value())
                + " for "
                + t.subject()
                + " crossed "
                + round(t.threshold()));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("triggerId", t.triggerId());
    data.put("subject", t.subject());
    data.put("value", t.value());
    data.put("threshold", t.threshold());
    alerts.publish(alert(t, "", s.getOrDefault("severity", "warning"), title, message, data));
    return Mono.just(ExecutionStore.Outcome.ok(1));
  }

  private Mono<ExecutionStore.Outcome> webhook(RuleTrigger t) {
    UUID ruleId;
    try {
      ruleId = UUID.fromString(t.ruleId());
    } catch (IllegalArgumentException e) {
      return Mono.just(ExecutionStore.Outcome.failed("unknown rule", 0));
    }
    String url = t.action().settings().get("url");
    if (!RuleValidator.httpUrl(url)) {
      return Mono.just(ExecutionStore.Outcome.failed("webhook url missing or invalid", 0));
    }
    byte[] body = EventJson.write(Map.of("type", "rule_fired", "trigger", t));
    return rules
        .byId(ruleId)
        .filter(r -> r.sealedSecret() != null && r.creatorId().equals(t.creatorId()))
        .flatMap(
            r ->
                webhooks
                    .send(url, secrets.open(r.sealedSecret(), t.ruleId()), t.triggerId(), body)
                    .map(
                        d ->
                            d.delivered()
                                ? ExecutionStore.Outcome.ok(d.attempts())
                                : ExecutionStore.Outcome.failed(d.error(), d.attempts())))
        .switchIfEmpty(
            Mono.fromSupplier(
                () -> ExecutionStore.Outcome.failed("rule deleted: no signing secret", 0)));
  }

  private static ExecutionStore.Outcome outcome(
      boolean ok, String error, GenerationRecord g, UUID contentId) {
    return new ExecutionStore.Outcome(
        ok,
        error,
        g.provider(),
        g.model(),
        g.inputTokens(),
        g.outputTokens(),
        g.estimatedCostUsd(),
        contentId,
        g.attempts());
  }

  private static Alert alert(
      RuleTrigger t,
      String suffix,
      String severity,
      String title,
      String message,
      Map<String, Object> data) {
    return new Alert(
        t.triggerId() + suffix, t.creatorId(), severity, title, message, t.ruleId(), null, data);
  }

  private static String title(Draft draft, RuleTrigger t) {
    String title =
        draft.title() != null && !draft.title().isBlank()
            ? draft.title()
            : "Follow-up on " + t.subject();
    return title.length() > 200 ? title.substring(0, 200) : title;
  }

  /** The library's content types: captions and replies are posts. */
  private static String itemType(Draft draft) {
    return switch (draft.type().name()) {
      case "THREAD" -> "thread";
      case "VIDEO" -> "video";
      default -> "post";
    };
  }

  private static String round(double v) {
    return String.valueOf(Math.round(v * 100) / 100.0);
  }
}
