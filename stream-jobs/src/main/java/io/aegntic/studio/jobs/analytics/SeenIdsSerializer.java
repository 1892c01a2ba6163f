package io.aegntic.studio.jobs.analytics;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Writes {@link SeenIds} as its count and then (high, low, seen at) per id. Copies are deep: the
 * heap backend copies a key's state on its first write after a snapshot started, and the dedupe
 * step then changes its copy in place.
 */
public final class SeenIdsSerializer extends TypeSerializerSingleton<SeenIds> {
  private static final long serialVersionUID = 1L;

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public SeenIds createInstance() {
    return new SeenIds();
  }

  @Override
  public SeenIds copy(SeenIds from) {
    return from.copy();
  }

  @Override
  public SeenIds copy(SeenIds from, SeenIds reuse) {
    return from.copy();
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(SeenIds ids, DataOutputView out) throws IOException {
    ids.writeTo(out);
  }

  @Override
  public SeenIds deserialize(DataInputView in) throws IOException {
    return SeenIds.readFrom(in);
  }

  @Override
  public SeenIds deserialize(SeenIds reuse, DataInputView in) throws IOException {
    return SeenIds.readFrom(in);
  }

  @Override
  public void copy(DataInputView in, DataOutputView out) throws IOException {
    serialize(deserialize(in), out);
  }

  @Override
  public TypeSerializerSnapshot<SeenIds> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Restores this serializer from checkpoints and savepoints. */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<SeenIds> {
    public Snapshot() {
      super(SeenIdsSerializer::new);
    }
  }
}
