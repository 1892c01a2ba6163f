package io.aegntic.studio.serving.stream;

import io.aegntic.studio.events.EventFormatException;
import io.aegntic.studio.events.EventJson;
import io.aegntic.studio.events.MetricUpdate;
import io.aegntic.studio.events.Topics;
import io.aegntic.studio.serving.config.StudioProperties;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.kafka.receiver.KafkaReceiver;
import reactor.kafka.receiver.ReceiverOptions;
import reactor.util.retry.Retry;

/**
 * The one Kafka consumer of this instance: reads {@link Topics#METRICS} ({@code read_uncommitted},
 * from the latest offset, in a group of its own so every instance sees every creator) and hands
 * each update to the {@link StreamHub}. Malformed records are counted and skipped. Also sends the
 * hub's heartbeats, and ends the open streams when the instance stops. Reported as the {@code
 * metricsFeed} health component.
 */
@Component("metricsFeed")
class MetricsFeed implements SmartLifecycle, HealthIndicator {
  private static final Logger log = LoggerFactory.getLogger(MetricsFeed.class);

  private final StreamHub hub;
  private final StudioProperties properties;
  private final AtomicBoolean assigned = new AtomicBoolean();
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong malformed = new AtomicLong();
  private volatile Disposable consumer;
  private volatile Disposable heartbeats;

  MetricsFeed(StreamHub hub, StudioProperties properties) {
    this.hub = hub;
    this.properties = properties;
  }

  @Override
  public void start() {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            properties.kafka().bootstrap(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "studio-serving-" + UUID.randomUUID(),
            ConsumerConfig.CLIENT_ID_CONFIG,
            "studio-serving-metrics",
            // The live stream must not wait for the job's checkpoint (its transactional sink
            // commits only then). Showing uncommitted updates is safe: an update carries the whole
            // value of one (subject, metric, window), not an increment, and after an abort the job
            // replays the same input, re-emitting that window's values; the next update of the
            // series supersedes it. Nothing acts on this stream; automation triggers (exactly
            // once) are another app and topic, read_committed.
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_uncommitted",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "latest",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false,
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            ByteArrayDeserializer.class);
    ReceiverOptions<String, byte[]> options =
        ReceiverOptions.<String, byte[]>create(config)
            .subscription(List.of(Topics.METRICS))
            .commitInterval(Duration.ZERO)
            .addAssignListener(
                partitions -> {
                  // Resolve "latest" now, so anything produced after assignment is delivered.
                  partitions.forEach(p -> p.position());
                  assigned.set(true);
                })
            .addRevokeListener(partitions -> assigned.set(false));
    consumer =
        Flux.defer(() -> KafkaReceiver.create(options).receiveAutoAck().concatMap(batch -> batch))
            .doOnNext(this::handle)
            .doOnError(e -> log.warn("metrics consumer failed, reconnecting: {}", e.toString()))
            .retryWhen(
                Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1))
                    .maxBackoff(Duration.ofSeconds(30)))
            .subscribe();
    heartbeats = Flux.interval(properties.stream().heartbeat()).subscribe(tick -> hub.heartbeat());
  }

  private void handle(ConsumerRecord<String, byte[]> record) {
    received.incrementAndGet();
    try {
      hub.publish(EventJson.read(record.value(), MetricUpdate.class));
    } catch (EventFormatException e) {
      malformed.incrementAndGet();
      log.warn(
          "skipping malformed metric update at {}-{}@{}: {}",
          record.topic(),
          record.partition(),
          record.offset(),
          e.getMessage());
    }
  }

  /** True once the consumer has partitions and knows where "latest" is. */
  boolean assigned() {
    return assigned.get();
  }

  @Override
  public Health health() {
    Health.Builder health = assigned.get() ? Health.up() : Health.outOfService();
    return health
        .withDetail("assigned", assigned.get())
        .withDetail("received", received.get())
        .withDetail("malformed", malformed.get())
        .withDetail("subscribers", hub.subscribers())
        .build();
  }

  @Override
  public void stop() {
    // This phase stops before the web server's graceful shutdown, which would otherwise wait its
    // whole timeout for the open event streams.
    hub.closeAll();
    if (heartbeats != null) {
      heartbeats.dispose();
    }
    if (consumer != null) {
      consumer.dispose();
    }
    assigned.set(false);
  }

  @Override
  public boolean isRunning() {
    return consumer != null && !consumer.isDisposed();
  }
}
