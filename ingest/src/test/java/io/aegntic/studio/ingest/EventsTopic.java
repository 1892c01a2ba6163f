package io.aegntic.studio.ingest;

import io.aegntic.studio.events.EventJson;
import io.aegntic.studio.events.StudioEvent;
import io.aegntic.studio.events.Topics;
import io.aegntic.studio.infra.test.StudioStackExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads back what the ingest ITs published: one creator's events on the shared stack's topic. */
public final class EventsTopic {
  private EventsTopic() {}

  /** Every event of a creator on studio.events.v1 (records keyed by it), in offset order. */
  public static List<StudioEvent> of(String creatorId) {
    Map<String, Object> config = new HashMap<>();
    config.put(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, StudioStackExtension.endpoints().kafkaBootstrap());
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    List<StudioEvent> out = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
      List<TopicPartition> partitions = new ArrayList<>();
      consumer
          .partitionsFor(Topics.EVENTS)
          .forEach(p -> partitions.add(new TopicPartition(Topics.EVENTS, p.partition())));
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (System.nanoTime() < deadline
          && !partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p))) {
        consumer
            .poll(Duration.ofMillis(500))
            .forEach(
                r -> {
                  if (creatorId.equals(r.key())) {
                    out.add(EventJson.read(r.value(), StudioEvent.class));
                  }
                });
      }
    }
    return out;
  }
}
