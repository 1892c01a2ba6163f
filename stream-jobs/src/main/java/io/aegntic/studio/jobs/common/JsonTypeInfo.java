package io.aegntic.studio.jobs.common;

import io.aegntic.studio.events.MetricUpdate;
import io.aegntic.studio.events.StudioEvent;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * Flink type information for the contract's immutable records ({@code StudioEvent}, {@code
 * MetricUpdate}, ...): they cross the network and sit in state as the same JSON that {@code
 * EventJson} writes on the topics, so no Kryo fallback ever sees a sealed interface or an immutable
 * map. {@link StudioEvent}, which every event crosses the network as, gets the compact {@link
 * StudioEventSerializer} instead, and {@link MetricUpdate} (final windows to the trend scores) the
 * {@link MetricUpdateSerializer}.
 */
public final class JsonTypeInfo<T> extends TypeInformation<T> {
  private static final long serialVersionUID = 1L;
  private final Class<T> type;

  private JsonTypeInfo(Class<T> type) {
    this.type = type;
  }

  public static <T> JsonTypeInfo<T> of(Class<T> type) {
    return new JsonTypeInfo<>(type);
  }

  @Override
  public boolean isBasicType() {
    return false;
  }

  @Override
  public boolean isTupleType() {
    return false;
  }

  @Override
  public int getArity() {
    return 1;
  }

  @Override
  public int getTotalFields() {
    return 1;
  }

  @Override
  public Class<T> getTypeClass() {
    return type;
  }

  @Override
  public boolean isKeyType() {
    return false;
  }

  @Override
  @SuppressWarnings("unchecked")
  public TypeSerializer<T> createSerializer(SerializerConfig config) {
    if (type == StudioEvent.class) {
      return (TypeSerializer<T>) new StudioEventSerializer(); // the hot path: binary
    }
    if (type == MetricUpdate.class) {
      return (TypeSerializer<T>) new MetricUpdateSerializer(); // the trend shuffle: binary
    }
    return new JsonSerializer<>(type);
  }

  @Override
  public String toString() {
    return "Json<" + type.getSimpleName() + ">";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JsonTypeInfo<?> other && other.type.equals(type);
  }

  @Override
  public int hashCode() {
    return type.hashCode();
  }

  @Override
  public boolean canEqual(Object o) {
    return o instanceof JsonTypeInfo;
  }
}
