package io.aegntic.studio.jobs.common;

import io.aegntic.studio.events.MetricUpdate;
import io.aegntic.studio.events.MetricUpdate.Emission;
import io.aegntic.studio.events.MetricUpdate.Family;
import io.aegntic.studio.events.MetricUpdate.Scope;
import io.aegntic.studio.events.Platform;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * A compact binary serializer for {@link MetricUpdate}, the record the final engagement windows
 * cross the network to the trend scores as: a JSON write and parse (ISO times, enum ids) per update
 * cost more than the trend update itself. Network only, never in state. Field order is the format.
 */
public final class MetricUpdateSerializer extends ImmutableRecordSerializer<MetricUpdate> {
  private static final long serialVersionUID = 1L;
  private static final Family[] FAMILIES = Family.values();
  private static final Scope[] SCOPES = Scope.values();
  private static final Emission[] EMISSIONS = Emission.values();
  private static final Platform[] PLATFORMS = Platform.values();

  @Override
  public void serialize(MetricUpdate u, DataOutputView out) throws IOException {
    string(u.creatorId(), out);
    out.writeByte(u.family().ordinal());
    out.writeByte(u.scope().ordinal());
    string(u.subject(), out);
    out.writeByte(u.platform() == null ? -1 : u.platform().ordinal());
    instant(u.windowStart(), out);
    instant(u.windowEnd(), out);
    out.writeByte(u.emission().ordinal());
    out.writeInt(u.values().size());
    for (Map.Entry<String, Double> v : u.values().entrySet()) {
      string(v.getKey(), out);
      out.writeDouble(v.getValue());
    }
    out.writeInt(u.labels().size());
    for (Map.Entry<String, String> l : u.labels().entrySet()) {
      string(l.getKey(), out);
      string(l.getValue(), out);
    }
    instant(u.emittedAt(), out);
  }

  @Override
  public MetricUpdate deserialize(DataInputView in) throws IOException {
    String creatorId = string(in);
    Family family = FAMILIES[in.readByte()];
    Scope scope = SCOPES[in.readByte()];
    String subject = string(in);
    int platform = in.readByte();
    Instant windowStart = instant(in);
    Instant windowEnd = instant(in);
    Emission emission = EMISSIONS[in.readByte()];
    int n = in.readInt();
    Map<String, Double> values = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      values.put(string(in), in.readDouble());
    }
    int m = in.readInt();
    Map<String, String> labels = m == 0 ? Map.of() : new HashMap<>(m * 2);
    for (int i = 0; i < m; i++) {
      labels.put(string(in), string(in));
    }
    return new MetricUpdate(
        creatorId,
        family,
        scope,
        subject,
        platform < 0 ? null : PLATFORMS[platform],
        windowStart,
        windowEnd,
        emission,
        values,
        labels,
        instant(in));
  }

  @Override
  public TypeSerializerSnapshot<MetricUpdate> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Restores this serializer from checkpoints and savepoints. */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<MetricUpdate> {
    public Snapshot() {
      super(MetricUpdateSerializer::new);
    }
  }
}
