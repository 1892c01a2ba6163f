package io.aegntic.studio.serving.automation;

import io.aegntic.studio.events.EventJson;
import io.aegntic.studio.events.RuleTrigger;
import io.aegntic.studio.events.Topics;
import io.aegntic.studio.serving.config.StudioProperties;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.kafka.receiver.KafkaReceiver;
import reactor.kafka.receiver.ReceiverOptions;
import reactor.kafka.receiver.ReceiverRecord;
import reactor.util.retry.Retry;

/**
 * Consumes {@link Topics#TRIGGERS} in the consumer group {@code studio-serving-automation} and runs
 * each firing's action, one record at a time. At-least-once: a record's offset is committed only
 * after its execution row is final; a redelivered trigger finds its row (unique trigger id) and is
 * skipped. A malformed record is logged and skipped; a failed action is recorded and skipped; our
 * own database being down stops the flow, which restarts with backoff from the last commit.
 */
@Component
class TriggerConsumer implements SmartLifecycle {
  static final String GROUP = "studio-serving-automation";
  private static final Logger log = LoggerFactory.getLogger(TriggerConsumer.class);

  private final StudioProperties properties;
  private final ExecutionStore executions;
  private final Actions actions;
  private final boolean enabled;
  private final String group;
  private final AtomicBoolean assigned = new AtomicBoolean();
  private volatile Disposable consumer;

  TriggerConsumer(
      StudioProperties properties,
      ExecutionStore executions,
      Actions actions,
      @Value("${studio.automation.consume-triggers:true}") boolean enabled,
      @Value("${studio.automation.trigger-group:" + GROUP + "}") String group) {
    this.properties = properties;
    this.executions = executions;
    this.actions = actions;
    this.enabled = enabled;
    this.group = group;
  }

  @Override
  public void start() {
    if (!enabled) {
      return;
    }
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            properties.kafka().bootstrap(),
            ConsumerConfig.GROUP_ID_CONFIG,
            group,
            ConsumerConfig.CLIENT_ID_CONFIG,
            "studio-serving-triggers-" + UUID.randomUUID(),
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false,
            ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
            50,
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            ByteArrayDeserializer.class);
    ReceiverOptions<String, byte[]> options =
        ReceiverOptions.<String, byte[]>create(config)
            .subscription(List.of(Topics.TRIGGERS))
            .commitInterval(Duration.ZERO)
            .addAssignListener(p -> assigned.set(true))
            .addRevokeListener(p -> assigned.set(false));
    consumer =
        KafkaReceiver.create(options)
            .receive()
            .concatMap(r -> handle(r).then(Mono.defer(() -> commit(r))))
            .retryWhen(
                Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1))
                    .maxBackoff(Duration.ofSeconds(30))
                    .doBeforeRetry(
                        s -> log.warn("trigger consumer restarting: {}", s.failure().toString())))
            .subscribe();
  }

  private Mono<Void> commit(ReceiverRecord<String, byte[]> record) {
    record.receiverOffset().acknowledge();
    return record.receiverOffset().commit();
  }

  /** Runs one record's action unless it ran before; completes when its execution row is final. */
  Mono<Void> handle(ConsumerRecord<String, byte[]> record) {
    RuleTrigger trigger;
    try {
      trigger = EventJson.read(record.value(), RuleTrigger.class);
    } catch (RuntimeException e) {
      log.warn(
          "skipping unreadable trigger at {}-{}@{}: {}",
          record.topic(),
          record.partition(),
          record.offset(),
          e.getMessage());
      return Mono.empty();
    }
    return executions
        .claim(trigger, context(trigger))
        .flatMap(
            id ->
                actions
                    .run(trigger)
                    .onErrorResume(
                        e ->
                            Mono.just(
                                ExecutionStore.Outcome.failed(
                                    "action failed: " + e.getMessage(), 0)))
                    .flatMap(outcome -> executions.finish(id, outcome))
                    .doOnSuccess(v -> log.info("trigger {} executed", trigger.triggerId())))
        .switchIfEmpty(
            Mono.fromRunnable(
                () -> log.debug("trigger {} already executed or not ours", trigger.triggerId())))
        .then();
  }

  private static String context(RuleTrigger t) {
    return EventJson.writeString(
        Map.of(
            "value", t.value(),
            "threshold", t.threshold(),
            "windowEnd", String.valueOf(t.windowEnd()),
            "metricValues", t.metricValues(),
            "topComments", t.topComments(),
            "trendingHashtags", t.trendingHashtags()));
  }

  /** True once the group has partitions (tests wait for it). */
  boolean assigned() {
    return assigned.get();
  }

  @Override
  public void stop() {
    Disposable c = consumer;
    if (c != null) {
      c.dispose();
    }
  }

  @Override
  public boolean isRunning() {
    return consumer != null && !consumer.isDisposed();
  }
}
