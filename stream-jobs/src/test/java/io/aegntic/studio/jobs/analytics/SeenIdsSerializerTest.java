package io.aegntic.studio.jobs.analytics;

import io.aegntic.studio.events.EventIds;
import io.aegntic.studio.events.Platform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.testutils.DeeplyEqualsChecker;

/**
 * Flink's serializer contract (round trips single and in sequence, copies, snapshot and restore,
 * Java serialisation of the serializer) for {@link SeenIdsSerializer}. Two tables are equal when
 * they hold the same ids with the same times, whatever their slot layout.
 */
class SeenIdsSerializerTest extends SerializerTestBase<SeenIds> {
  SeenIdsSerializerTest() {
    super(
        new DeeplyEqualsChecker()
            .withCustomCheck(
                (a, b) -> a instanceof SeenIds && b instanceof SeenIds,
                (a, b, checker) -> entries((SeenIds) a).equals(entries((SeenIds) b))));
  }

  @Override
  protected TypeSerializer<SeenIds> createSerializer() {
    return new SeenIdsSerializer();
  }

  @Override
  protected int getLength() {
    return -1;
  }

  @Override
  protected Class<SeenIds> getTypeClass() {
    return SeenIds.class;
  }

  @Override
  protected SeenIds[] getTestData() {
    SeenIds many = new SeenIds();
    for (int i = 0; i < 1_000; i++) {
      many.add(EventIds.of(Platform.TIKTOK, "video", Integer.toString(i)), 1_000L * i);
    }
    SeenIds mixed = new SeenIds();
    mixed.add(EventIds.of(Platform.STRIPE, "evt_1"), 0);
    mixed.add("e-1", -5); // processing time may start anywhere in tests
    mixed.add("not an id at all", Long.MAX_VALUE);
    return new SeenIds[] {new SeenIds(), mixed, many};
  }

  /** The (high, low, seen at) triples, sorted: serialisation writes them in slot order. */
  private static List<String> entries(SeenIds ids) {
    try {
      DataOutputSerializer out = new DataOutputSerializer(64);
      ids.writeTo(out);
      DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
      List<String> entries = new ArrayList<>();
      for (int n = in.readInt(); n > 0; n--) {
        entries.add(in.readLong() + "/" + in.readLong() + "@" + in.readLong());
      }
      entries.sort(null);
      return entries;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
