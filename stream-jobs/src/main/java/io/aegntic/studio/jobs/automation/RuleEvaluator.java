package io.aegntic.studio.jobs.automation;

import io.aegntic.studio.events.AutomationRule;
import io.aegntic.studio.events.MetricUpdate;
import io.aegntic.studio.events.RuleTrigger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates every rule of a metric update's creator against it and forwards a {@link RuleTrigger}
 * on each crossing that is not in cooldown. Semantics are in docs/automation.md.
 */
final class RuleEvaluator implements Processor<String, MetricUpdate, String, RuleTrigger> {
  private static final Logger LOG = LoggerFactory.getLogger(RuleEvaluator.class);
  private static final Duration CLEANUP_EVERY = Duration.ofMinutes(10);

  private final RuleBook rules = new RuleBook();
  private ProcessorContext<String, RuleTrigger> context;
  private KeyValueStore<String, byte[]> ruleStore;
  private KeyValueStore<String, RuleState> states;
  private KeyValueStore<String, CreatorContext> contexts;

  @Override
  public void init(ProcessorContext<String, RuleTrigger> context) {
    this.context = context;
    this.ruleStore = context.getStateStore(AutomationTopology.RULES_STORE);
    this.states = context.getStateStore(AutomationTopology.STATE_STORE);
    this.contexts = context.getStateStore(AutomationTopology.CONTEXT_STORE);
    context.schedule(CLEANUP_EVERY, PunctuationType.WALL_CLOCK_TIME, now -> dropDeletedRules());
  }

  @Override
  public void process(Record<String, MetricUpdate> record) {
    MetricUpdate update = record.value();
    if (update == null) {
      return; // unreadable input, logged by the serde
    }
    CreatorContext known = contexts.get(update.creatorId());
    CreatorContext ctx = (known == null ? CreatorContext.empty() : known).with(update);
    if (ctx != known) {
      contexts.put(update.creatorId(), ctx);
    }
    for (AutomationRule rule : rules.forCreator(ruleStore, update.creatorId())) {
      if (matches(rule, update)) {
        evaluate(rule, update, ctx, record.timestamp());
      }
    }
  }

  static boolean matches(AutomationRule rule, MetricUpdate u) {
    return rule.enabled()
        && rule.family() == u.family()
        && rule.scope() == u.scope()
        && (rule.subject() == null || rule.subject().equals(u.subject()))
        && !Double.isNaN(u.value(rule.metric()));
  }

  private void evaluate(AutomationRule rule, MetricUpdate u, CreatorContext ctx, long timestamp) {
    String key = RuleState.key(rule.ruleId(), u.subject());
    RuleState state = states.get(key);
    if (state == null) {
      state = RuleState.fresh(rule.ruleId(), u.subject(), rule.updatedAt());
    } else if (!rule.updatedAt().equals(state.ruleVersion())) {
      state = state.rearmedFor(rule.updatedAt());
    }
    String seriesId = u.platform() == null ? "all" : u.platform().id();
    RuleState.Series series = state.series(seriesId);
    Instant now = u.emittedAt();
    if (series.lastWindowEnd() != null && u.windowEnd().isBefore(series.lastWindowEnd())) {
      LOG.debug(
          "rule {}: ignoring out-of-order window {} of {}", rule.ruleId(), u.windowEnd(), key);
      return;
    }
    if (u.windowEnd().isBefore(now.minus(rule.window()))) {
      LOG.debug("rule {}: window {} is older than the rule window", rule.ruleId(), u.windowEnd());
      return;
    }
    double value = u.value(rule.metric());
    boolean holds = rule.comparator().test(value, rule.threshold());
    if (holds && !series.holding() && !inCooldown(state, rule, now)) {
      context.forward(new Record<>(u.creatorId(), trigger(rule, u, value, ctx), timestamp));
      state = state.fired(now, u.windowEnd());
    }
    states.put(
        key,
        state.observed(seriesId, new RuleState.Series(u.windowEnd(), holds), value, u.windowEnd()));
  }

  static boolean inCooldown(RuleState state, AutomationRule rule, Instant now) {
    return state.lastFiredAt() != null && now.isBefore(state.lastFiredAt().plus(rule.cooldown()));
  }

  private static RuleTrigger trigger(
      AutomationRule rule, MetricUpdate u, double value, CreatorContext ctx) {
    List<String> comments = ctx.commentsFor(u.subject());
    return new RuleTrigger(
        TriggerIds.of(rule.ruleId(), u.subject(), u.windowEnd()),
        rule.ruleId(),
        u.creatorId(),
        u.subject(),
        u.emittedAt(),
        u.windowEnd(),
        value,
        rule.threshold(),
        u.values(),
        comments,
        ctx.trendingHashtags(u.emittedAt()),
        rule.action());
  }

  /** State of deleted rules would otherwise stay forever. */
  private void dropDeletedRules() {
    List<String> orphans = new java.util.ArrayList<>();
    try (KeyValueIterator<String, RuleState> it = states.all()) {
      while (it.hasNext()) {
        KeyValue<String, RuleState> entry = it.next();
        if (ruleStore.get(entry.value.ruleId()) == null) {
          orphans.add(entry.key);
        }
      }
    }
    orphans.forEach(states::delete);
  }
}
