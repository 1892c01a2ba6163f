package io.aegntic.studio.jobs.automation;

import io.aegntic.studio.events.MetricUpdate;
import io.aegntic.studio.events.RuleTrigger;
import io.aegntic.studio.events.Topics;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The automation topology: rules from the compacted {@link Topics#RULES} into a global store,
 * metric updates from {@link Topics#METRICS} evaluated against them per (rule, subject), firings to
 * {@link Topics#TRIGGERS}. Semantics and a diagram are in docs/automation.md.
 */
public final class AutomationTopology {
  /** Global store: ruleId to the rule's JSON as published. */
  public static final String RULES_STORE = "automation-rules";

  /** Per (rule, subject): last fired, current value, per-series crossing state. */
  public static final String STATE_STORE = "automation-rule-state";

  /** Per creator: recent top comments and hashtags carried by firings. */
  public static final String CONTEXT_STORE = "automation-creator-context";

  private AutomationTopology() {}

  /** Builds the topology; the caller supplies the streams configuration. */
  public static Topology build() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(RULES_STORE), Serdes.String(), Serdes.ByteArray())
            .withLoggingDisabled(),
        Topics.RULES,
        Consumed.with(Serdes.String(), Serdes.ByteArray()),
        RulesStoreUpdater::new);
    builder.stream(
            Topics.METRICS, Consumed.with(Serdes.String(), JsonSerde.lenient(MetricUpdate.class)))
        .process(evaluator())
        .to(Topics.TRIGGERS, Produced.with(Serdes.String(), JsonSerde.strict(RuleTrigger.class)));
    return builder.build();
  }

  private static ProcessorSupplier<String, MetricUpdate, String, RuleTrigger> evaluator() {
    return new ProcessorSupplier<>() {
      @Override
      public RuleEvaluator get() {
        return new RuleEvaluator();
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return Set.of(
            Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(STATE_STORE),
                Serdes.String(),
                JsonSerde.strict(RuleState.class)),
            Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(CONTEXT_STORE),
                Serdes.String(),
                JsonSerde.strict(CreatorContext.class)));
      }
    };
  }
}
