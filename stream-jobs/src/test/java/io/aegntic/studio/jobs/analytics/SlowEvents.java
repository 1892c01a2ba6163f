package io.aegntic.studio.jobs.analytics;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The job's deserializer, slowed down so a short test stream spans several checkpoints. */
final class SlowEvents implements KafkaRecordDeserializationSchema<Incoming> {
  private static final long serialVersionUID = 1L;
  private final EventDeserializer inner = new EventDeserializer();
  private final long millisPerRecord;

  SlowEvents(long millisPerRecord) {
    this.millisPerRecord = millisPerRecord;
  }

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Incoming> out) {
    try {
      Thread.sleep(millisPerRecord);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    inner.deserialize(record, out);
  }

  @Override
  public TypeInformation<Incoming> getProducedType() {
    return inner.getProducedType();
  }
}
