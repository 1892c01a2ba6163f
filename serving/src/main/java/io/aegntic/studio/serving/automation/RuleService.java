package io.aegntic.studio.serving.automation;

import io.aegntic.studio.events.AutomationRule;
import io.aegntic.studio.serving.config.ApiException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Rule changes: each is written to PostgreSQL and published to the rules topic inside one database
 * transaction that commits only after the broker acknowledged, so the table and the topic do not
 * drift apart (a failed publish rolls the change back and answers 503).
 */
@Service
class RuleService {
  private final RuleStore store;
  private final RulePublisher publisher;
  private final SecretBox secrets;
  private final TransactionalOperator tx;

  RuleService(
      RuleStore store,
      RulePublisher publisher,
      SecretBox secrets,
      ReactiveTransactionManager transactions) {
    this.store = store;
    this.publisher = publisher;
    this.secrets = secrets;
    this.tx = TransactionalOperator.create(transactions);
  }

  Mono<RuleApi.Rule> create(String creatorId, RuleSpec spec) {
    return create(UUID.randomUUID(), creatorId, spec);
  }

  Mono<RuleApi.Rule> create(UUID id, String creatorId, RuleSpec spec) {
    String secret = needsSecret(spec) ? secrets.newSecret() : null;
    byte[] sealed = secret == null ? null : secrets.seal(secret, id.toString());
    Instant now = now();
    return store
        .insert(id, creatorId, spec, sealed, now)
        .flatMap(saved -> publisher.publish(event(saved)).thenReturn(saved))
        .as(tx::transactional)
        .map(saved -> saved.toApi(secret));
  }

  /**
   * Changes a stored rule: {@code change} gets the stored spec and returns the new one, so a caller
   * can keep fields the client did not send (PUT without {@code enabled}, PATCH of one flag).
   */
  Mono<RuleApi.Rule> update(List<String> creators, UUID id, UnaryOperator<RuleSpec> change) {
    return store
        .get(creators, id)
        .switchIfEmpty(Mono.error(ApiException.notFound("rule")))
        .flatMap(
            existing -> {
              RuleSpec spec = change.apply(existing.spec());
              byte[] sealed =
                  needsSecret(spec) && existing.sealedSecret() == null
                      ? secrets.seal(secrets.newSecret(), id.toString())
                      : null;
              return store.update(id, spec, sealed, now());
            })
        .flatMap(saved -> publisher.publish(event(saved)).thenReturn(saved))
        .as(tx::transactional)
        .map(this::toApi);
  }

  Mono<RuleApi.Rule> setEnabled(List<String> creators, UUID id, boolean enabled) {
    return update(creators, id, stored -> stored.withEnabled(enabled));
  }

  Mono<Void> delete(List<String> creators, UUID id) {
    return store
        .get(creators, id)
        .switchIfEmpty(Mono.error(ApiException.notFound("rule")))
        .flatMap(existing -> store.delete(id))
        .then(publisher.tombstone(id.toString()))
        .as(tx::transactional);
  }

  Mono<RuleApi.Rule> get(List<String> creators, UUID id) {
    return store
        .get(creators, id)
        .switchIfEmpty(Mono.error(ApiException.notFound("rule")))
        .map(this::toApi);
  }

  Flux<RuleApi.Rule> list(List<String> creators) {
    return store.list(creators).map(this::toApi);
  }

  /** Publishes the stored rule again (e.g. the demo rule on every start); no change to the row. */
  Mono<Void> republish(StoredRule rule) {
    return publisher.publish(event(rule));
  }

  private RuleApi.Rule toApi(StoredRule rule) {
    String secret =
        rule.sealedSecret() == null
            ? null
            : secrets.open(rule.sealedSecret(), rule.id().toString());
    return rule.toApi(secret);
  }

  static AutomationRule event(StoredRule rule) {
    return rule.spec().toEvent(rule.id().toString(), rule.creatorId(), rule.updatedAt());
  }

  private static boolean needsSecret(RuleSpec spec) {
    return spec.action().type() == AutomationRule.ActionType.WEBHOOK;
  }

  private static Instant now() {
    // PostgreSQL keeps microseconds: the published updatedAt equals the stored one.
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
