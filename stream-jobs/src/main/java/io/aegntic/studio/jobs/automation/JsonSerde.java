package io.aegntic.studio.jobs.automation;

import io.aegntic.studio.events.EventFormatException;
import io.aegntic.studio.events.EventJson;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serdes over {@link EventJson} for the topology's topics and stores. Input records that cannot be
 * read are logged with the reason and become null, so one bad record never stops the topology.
 */
final class JsonSerde {
  private static final Logger LOG = LoggerFactory.getLogger(JsonSerde.class);

  private JsonSerde() {}

  /** A serde whose deserializer throws on bad input: for the topology's own stores. */
  static <T> Serde<T> strict(Class<T> type) {
    Serializer<T> ser = (topic, value) -> value == null ? null : EventJson.write(value);
    Deserializer<T> de = (topic, bytes) -> bytes == null ? null : EventJson.read(bytes, type);
    return Serdes.serdeFrom(ser, de);
  }

  /** A serde whose deserializer logs and skips bad input (null): for records others wrote. */
  static <T> Serde<T> lenient(Class<T> type) {
    Serializer<T> ser = (topic, value) -> value == null ? null : EventJson.write(value);
    Deserializer<T> de =
        (topic, bytes) -> {
          if (bytes == null) {
            return null;
          }
          try {
            return EventJson.read(bytes, type);
          } catch (EventFormatException e) {
            LOG.warn("skipping unreadable record on {}: {}", topic, e.getMessage());
            return null;
          }
        };
    return Serdes.serdeFrom(ser, de);
  }
}
