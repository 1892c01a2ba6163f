package io.aegntic.studio.jobs.automation;

import io.aegntic.studio.events.AutomationRule;
import io.aegntic.studio.events.EventJson;
import io.aegntic.studio.events.MetricUpdate;
import io.aegntic.studio.events.Platform;
import io.aegntic.studio.events.RuleTrigger;
import io.aegntic.studio.events.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/** A TopologyTestDriver around the automation topology, with rule and metric builders. */
final class AutomationFixtures implements AutoCloseable {
  static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");
  static final String CREATOR = "creator-1";

  final TopologyTestDriver driver;
  final TestInputTopic<String, byte[]> rules;
  final TestInputTopic<String, byte[]> metrics;
  final TestOutputTopic<String, RuleTrigger> triggers;

  AutomationFixtures(Path stateDir) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "automation-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    driver = new TopologyTestDriver(AutomationTopology.build(), props, T0);
    rules =
        driver.createInputTopic(
            Topics.RULES, Serdes.String().serializer(), Serdes.ByteArray().serializer());
    metrics =
        driver.createInputTopic(
            Topics.METRICS, Serdes.String().serializer(), Serdes.ByteArray().serializer());
    triggers =
        driver.createOutputTopic(
            Topics.TRIGGERS,
            Serdes.String().deserializer(),
            JsonSerde.strict(RuleTrigger.class).deserializer());
  }

  static AutomationRule rule(String ruleId, double threshold, Duration cooldown) {
    return new AutomationRule(
        ruleId,
        CREATOR,
        "viral post",
        MetricUpdate.Family.ENGAGEMENT,
        "engagement_score",
        MetricUpdate.Scope.CONTENT,
        null,
        AutomationRule.Comparator.GT,
        threshold,
        Duration.ofMinutes(15),
        cooldown,
        true,
        new AutomationRule.Action(
            AutomationRule.ActionType.DRAFT_CONTENT, Map.of("platform", "x", "tone", "excited")),
        T0);
  }

  /** The engagement score of post {@code subject} for the minute ending {@code minutes} past T0. */
  static MetricUpdate score(String subject, int minutes, double value) {
    Instant end = T0.plus(Duration.ofMinutes(minutes));
    return new MetricUpdate(
        CREATOR,
        MetricUpdate.Family.ENGAGEMENT,
        MetricUpdate.Scope.CONTENT,
        subject,
        Platform.X,
        end.minus(Duration.ofMinutes(1)),
        end,
        MetricUpdate.Emission.FINAL,
        Map.of("engagement_score", value, "likes", 10.0),
        Map.of(),
        end.plusSeconds(5));
  }

  void put(AutomationRule rule) {
    rules.pipeInput(rule.ruleId(), EventJson.write(rule));
  }

  void delete(String ruleId) {
    rules.pipeInput(ruleId, (byte[]) null);
  }

  void send(MetricUpdate... updates) {
    for (MetricUpdate u : updates) {
      metrics.pipeInput(u.creatorId(), EventJson.write(u), u.emittedAt());
    }
  }

  List<RuleTrigger> fired() {
    return triggers.readValuesToList();
  }

  @Override
  public void close() {
    driver.close();
  }
}
