package io.aegntic.studio.serving.automation;

import io.aegntic.studio.events.AutomationRule;
import io.aegntic.studio.events.EventJson;
import io.aegntic.studio.events.Topics;
import io.aegntic.studio.serving.config.ApiException;
import io.aegntic.studio.serving.config.StudioProperties;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.kafka.sender.KafkaSender;
import reactor.kafka.sender.SenderOptions;
import reactor.kafka.sender.SenderRecord;

/**
 * Publishes rule changes to the compacted {@link Topics#RULES} (key ruleId): idempotent producer,
 * {@code acks=all}; the returned Mono completes only once the broker acknowledged. A delete is a
 * tombstone. A broker that does not answer within the delivery timeout is a 503.
 */
@Component
class RulePublisher {
  private static final Logger log = LoggerFactory.getLogger(RulePublisher.class);
  private final KafkaSender<String, byte[]> sender;

  RulePublisher(StudioProperties properties) {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            properties.kafka().bootstrap(),
            ProducerConfig.CLIENT_ID_CONFIG,
            "studio-serving-rules",
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true,
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
            10_000,
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
            5_000,
            ProducerConfig.MAX_BLOCK_MS_CONFIG,
            5_000,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            ByteArraySerializer.class);
    this.sender =
        KafkaSender.create(SenderOptions.<String, byte[]>create(config).stopOnError(false));
  }

  Mono<Void> publish(AutomationRule rule) {
    return send(rule.ruleId(), EventJson.write(rule));
  }

  Mono<Void> tombstone(String ruleId) {
    return send(ruleId, null);
  }

  private Mono<Void> send(String key, byte[] value) {
    SenderRecord<String, byte[], String> record =
        SenderRecord.create(new ProducerRecord<>(Topics.RULES, key, value), key);
    return sender
        .send(Mono.just(record))
        .next()
        .flatMap(
            result ->
                result.exception() == null
                    ? Mono.<Void>empty()
                    : Mono.<Void>error(result.exception()))
        .timeout(Duration.ofSeconds(15))
        .onErrorMap(
            e -> !(e instanceof ApiException),
            e -> {
              log.warn("rule {} not published: {}", key, e.toString());
              return new ApiException(
                  HttpStatus.SERVICE_UNAVAILABLE,
                  "broker_unavailable",
                  "the rule change could not be published; nothing was changed",
                  5);
            });
  }

  @PreDestroy
  void close() {
    sender.close();
  }
}
