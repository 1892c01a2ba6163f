package io.aegntic.studio.jobs.analytics;

import io.aegntic.studio.events.DeadLetter;
import io.aegntic.studio.events.EventFormatException;
import io.aegntic.studio.events.EventJson;
import io.aegntic.studio.events.StudioEvent;
import io.aegntic.studio.jobs.common.JsonTypeInfo;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads {@link StudioEvent}s with {@link EventJson}. A record that does not parse becomes a {@link
 * DeadLetter} (reason, where it was, the original bytes) instead of failing the job.
 */
final class EventDeserializer implements KafkaRecordDeserializationSchema<Incoming> {
  static final String SOURCE = "analytics-job";
  private static final long serialVersionUID = 1L;

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Incoming> out) {
    try {
      out.collect(Incoming.of(EventJson.read(record.value(), StudioEvent.class)));
    } catch (EventFormatException e) {
      out.collect(Incoming.dead(deadLetter(record, e.getMessage())));
    }
  }

  static DeadLetter deadLetter(ConsumerRecord<byte[], byte[]> record, String reason) {
    String where = " (" + record.topic() + "/" + record.partition() + "@" + record.offset() + ")";
    String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    return new DeadLetter(
        SOURCE,
        null,
        "unparseable_event",
        reason + where + (key == null ? "" : " key=" + key),
        Instant.now(),
        record.value() == null ? null : Base64.getEncoder().encodeToString(record.value()));
  }

  @Override
  public TypeInformation<Incoming> getProducedType() {
    return JsonTypeInfo.of(Incoming.class);
  }
}
