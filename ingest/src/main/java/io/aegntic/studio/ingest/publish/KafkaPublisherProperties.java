package io.aegntic.studio.ingest.publish;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Kafka settings of the publisher ({@code studio.ingest.kafka.*}). The timeouts are short on
 * purpose: with the broker down, a webhook gets its 503 within seconds instead of hanging.
 *
 * @param bootstrap bootstrap servers (STUDIO_KAFKA_BOOTSTRAP)
 * @param deliveryTimeout upper bound for one record's acknowledgement, retries included
 * @param requestTimeout one produce request's timeout
 * @param maxBlock how long a send may wait for metadata or buffer space
 * @param linger how long the producer waits to batch records
 * @param batchSize the most bytes of one partition's batch (Kafka's {@code batch.size})
 * @param healthTimeout the readiness check's describeCluster timeout
 * @param retryAfter the Retry-After a 503 carries
 */
@ConfigurationProperties("studio.ingest.kafka")
public record KafkaPublisherProperties(
    @DefaultValue("127.0.0.1:19092") String bootstrap,
    @DefaultValue("5s") Duration deliveryTimeout,
    @DefaultValue("2s") Duration requestTimeout,
    @DefaultValue("3s") Duration maxBlock,
    @DefaultValue("5ms") Duration linger,
    @DefaultValue("16KB") DataSize batchSize,
    @DefaultValue("2s") Duration healthTimeout,
    @DefaultValue("5s") Duration retryAfter) {

  public KafkaPublisherProperties {
    // Kafka takes batch.size as an int and the producer is created lazily: refuse it at startup,
    // not at the first publish.
    if (batchSize.toBytes() < 0 || batchSize.toBytes() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "studio.ingest.kafka.batch-size must be between 0 and 2147483647 bytes, not "
              + batchSize);
    }
  }
}
