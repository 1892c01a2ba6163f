package io.aegntic.studio.jobs.examples;

import io.aegntic.studio.events.EventFormatException;
import io.aegntic.studio.events.EventJson;
import io.aegntic.studio.events.StudioEvent;
import io.aegntic.studio.jobs.common.JsonTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads events and skips a record that does not parse (the analytics job shows how to send such
 * records to the dead-letter topic instead).
 */
final class EventsOnly implements KafkaRecordDeserializationSchema<StudioEvent> {
  private static final long serialVersionUID = 1L;

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<StudioEvent> out) {
    try {
      out.collect(EventJson.read(record.value(), StudioEvent.class));
    } catch (EventFormatException e) {
      // not ours to repair here; the analytics job dead-letters it
    }
  }

  @Override
  public TypeInformation<StudioEvent> getProducedType() {
    return JsonTypeInfo.of(StudioEvent.class);
  }
}
