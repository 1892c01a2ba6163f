package io.aegntic.studio.serving.automation;

import io.aegntic.studio.serving.auth.Tenancy;
import io.aegntic.studio.serving.config.ApiException;
import io.aegntic.studio.serving.config.InvalidFields;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code /api/automation/workflows}: the signed-in user's automation rules, their live state (from
 * the automation topology) and their firing history. Another tenant's rule answers 404.
 */
@RestController
@RequestMapping("/api/automation")
class RuleController {
  private final Tenancy tenancy;
  private final RuleService rules;
  private final ExecutionStore executions;
  private final RuleStateClient state;

  RuleController(
      Tenancy tenancy, RuleService rules, ExecutionStore executions, RuleStateClient state) {
    this.tenancy = tenancy;
    this.rules = rules;
    this.executions = executions;
    this.state = state;
  }

  @GetMapping("/workflows")
  Mono<RuleApi.RuleList> list(@AuthenticationPrincipal Jwt jwt) {
    return tenancy
        .creators(jwt)
        .flatMap(cs -> rules.list(cs).collectList())
        .map(RuleApi.RuleList::new);
  }

  @PostMapping("/workflows")
  @ResponseStatus(HttpStatus.CREATED)
  Mono<RuleApi.Rule> create(
      @AuthenticationPrincipal Jwt jwt, @RequestBody RuleApi.RuleRequest request) {
    RuleSpec spec = RuleValidator.validate(request);
    return tenancy.resolve(jwt, request.creatorId()).flatMap(c -> rules.create(c, spec));
  }

  @GetMapping("/workflows/{id}")
  Mono<RuleApi.Rule> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
    return tenancy.creators(jwt).flatMap(cs -> rules.get(cs, uuid(id)));
  }

  /** Replaces the definition; the rule stays with its creator ({@code creatorId} is ignored). */
  @PutMapping("/workflows/{id}")
  Mono<RuleApi.Rule> update(
      @AuthenticationPrincipal Jwt jwt,
      @PathVariable String id,
      @RequestBody RuleApi.RuleRequest request) {
    UUID ruleId = uuid(id);
    RuleSpec spec = RuleValidator.validate(request);
    // A PUT that leaves out "enabled" must not re-enable a rule the user switched off.
    boolean keepEnabled = request.enabled() == null;
    return tenancy
        .creators(jwt)
        .flatMap(
            cs ->
                rules.update(
                    cs, ruleId, stored -> keepEnabled ? spec.withEnabled(stored.enabled()) : spec));
  }

  @PatchMapping("/workflows/{id}")
  Mono<RuleApi.Rule> patch(
      @AuthenticationPrincipal Jwt jwt,
      @PathVariable String id,
      @RequestBody RuleApi.EnabledPatch patch) {
    if (patch == null || patch.enabled() == null) {
      throw InvalidFields.of("enabled", "is required (true or false)");
    }
    return enabled(jwt, id, patch.enabled());
  }

  @PostMapping("/workflows/{id}/enable")
  Mono<RuleApi.Rule> enable(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
    return enabled(jwt, id, true);
  }

  @PostMapping("/workflows/{id}/disable")
  Mono<RuleApi.Rule> disable(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
    return enabled(jwt, id, false);
  }

  @DeleteMapping("/workflows/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  Mono<Void> delete(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
    UUID ruleId = uuid(id);
    return tenancy.creators(jwt).flatMap(cs -> rules.delete(cs, ruleId));
  }

  /** The topology's view of the rule: per subject, current value, last firing, cooldown. */
  @GetMapping(value = "/workflows/{id}/state", produces = "application/json")
  Mono<String> state(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
    UUID ruleId = uuid(id);
    return tenancy
        .creators(jwt)
        .flatMap(cs -> rules.get(cs, ruleId))
        .flatMap(rule -> state.ruleState(rule.id()));
  }

  @GetMapping("/workflows/{id}/executions")
  Mono<RuleApi.ExecutionList> ruleExecutions(
      @AuthenticationPrincipal Jwt jwt,
      @PathVariable String id,
      @RequestParam(defaultValue = "50") int limit) {
    UUID ruleId = uuid(id);
    return tenancy
        .creators(jwt)
        .flatMap(
            cs ->
                rules
                    .get(cs, ruleId)
                    .flatMap(r -> executions.list(cs, ruleId, limit(limit)).collectList()))
        .map(RuleApi.ExecutionList::new);
  }

  @GetMapping("/executions")
  Mono<RuleApi.ExecutionList> executions(
      @AuthenticationPrincipal Jwt jwt, @RequestParam(defaultValue = "50") int limit) {
    return tenancy
        .creators(jwt)
        .flatMap(cs -> executions.list(cs, null, limit(limit)).collectList())
        .map(RuleApi.ExecutionList::new);
  }

  private Mono<RuleApi.Rule> enabled(Jwt jwt, String id, boolean enabled) {
    UUID ruleId = uuid(id);
    return tenancy.creators(jwt).flatMap(cs -> rules.setEnabled(cs, ruleId, enabled));
  }

  private static int limit(int limit) {
    if (limit < 1 || limit > 500) {
      throw ApiException.badRequest("bad_limit", "limit must be 1..500");
    }
    return limit;
  }

  private static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("rule");
    }
  }
}
