package io.aegntic.studio.serving.automation;

import io.aegntic.studio.events.AutomationRule;
import io.aegntic.studio.events.MetricUpdate;
import io.aegntic.studio.serving.config.StudioProperties;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Unless {@code STUDIO_DEMO=false}, makes sure each demo creator ({@code creator-demo-1..3}, owned
 * by demo@studio.local) has the rule "viral post → X draft": engagement score (0–100, ours) of a
 * content item above 95 within 15 minutes, cooldown 30 minutes. The simulator's viral bursts (about
 * 14 interactions/s on one fresh post for 45 s) drive the score to ~100; ordinary traffic (a few
 * interactions per post per minute) stays far below. Same rule id on every start; an existing rule
 * is only re-published as stored, so the user's edits survive and the topology sees no change.
 */
@Component
class DemoRules {
  static final double THRESHOLD = 95;
  private static final Logger log = LoggerFactory.getLogger(DemoRules.class);

  private final StudioProperties properties;
  private final RuleStore store;
  private final RuleService rules;

  DemoRules(StudioProperties properties, RuleStore store, RuleService rules) {
    this.properties = properties;
    this.store = store;
    this.rules = rules;
  }

  static UUID ruleId(String creatorId) {
    return UUID.nameUUIDFromBytes(
        ("demo-rule:viral-draft:" + creatorId).getBytes(StandardCharsets.UTF_8));
  }

  static RuleSpec spec() {
    return new RuleSpec(
        "Viral post: draft a follow-up on X",
        MetricUpdate.Family.ENGAGEMENT,
        "engagement_score",
        MetricUpdate.Scope.CONTENT,
        null,
        AutomationRule.Comparator.GT,
        THRESHOLD,
        Duration.ofMinutes(15),
        Duration.ofMinutes(30),
        true,
        new AutomationRule.Action(
            AutomationRule.ActionType.DRAFT_CONTENT,
            Map.of("platform", "x", "tone", "excited", "type", "post")));
  }

  @EventListener(ApplicationReadyEvent.class)
  void ensure() {
    if (properties.demo() != null && !properties.demo().enabled()) {
      return;
    }
    Flux.range(1, 3)
        .map(i -> "creator-demo-" + i)
        .concatMap(this::ensure)
        .then()
        .retryWhen(Retry.backoff(5, Duration.ofSeconds(2)))
        .subscribe(
            v -> {},
            e -> log.warn("demo automation rules not ensured: {}", e.toString()),
            () -> log.info("demo automation rules ready"));
  }

  Mono<Void> ensure(String creatorId) {
    UUID id = ruleId(creatorId);
    return store
        .byId(id)
        .flatMap(existing -> rules.republish(existing).thenReturn(true))
        .switchIfEmpty(Mono.defer(() -> rules.create(id, creatorId, spec()).thenReturn(true)))
        .then();
  }
}
