package io.aegntic.studio.ingest.publish;

import java.time.Duration;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;

/**
 * Kafka connectivity for readiness: the broker answers describeCluster within a short timeout. When
 * it does not, ingest reports not ready, as it could not acknowledge a webhook anyway.
 */
final class KafkaHealthIndicator implements ReactiveHealthIndicator, AutoCloseable {
  private final Admin admin;
  private final Duration timeout;

  KafkaHealthIndicator(Admin admin, Duration timeout) {
    this.admin = admin;
    this.timeout = timeout;
  }

  @Override
  public Mono<Health> health() {
    DescribeClusterOptions options =
        new DescribeClusterOptions().timeoutMs((int) timeout.toMillis());
    return Mono.defer(
            () ->
                Mono.fromCompletionStage(
                    admin.describeCluster(options).clusterId().toCompletionStage()))
        .timeout(timeout.plusMillis(500))
        .map(id -> Health.up().withDetail("clusterId", id).build())
        .onErrorResume(
            e ->
                Mono.just(Health.down().withDetail("error", e.getClass().getSimpleName()).build()));
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(2));
  }
}
