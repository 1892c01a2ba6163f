package io.aegntic.studio.jobs.common;

import java.io.IOException;
import java.time.Instant;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * What the binary serializers of the contract's immutable records share: no instances to reuse,
 * copies are the record itself, variable length, and instants as seconds plus nanos. Subclasses
 * write and read the fields; their field order is their format.
 */
public abstract class ImmutableRecordSerializer<T> extends TypeSerializerSingleton<T> {
  private static final long serialVersionUID = 1L;
  private static final int NULL_STRING = 0;
  private static final int UTF_STRING = 1;
  private static final int LONG_STRING = 2;
  private static final int MAX_UTF_CHARS = 65_535 / 3;

  @Override
  public final boolean isImmutableType() {
    return true;
  }

  @Override
  public final T createInstance() {
    return null;
  }

  @Override
  public final T copy(T from) {
    return from;
  }

  @Override
  public final T copy(T from, T reuse) {
    return from;
  }

  @Override
  public final int getLength() {
    return -1;
  }

  @Override
  public final T deserialize(T reuse, DataInputView in) throws IOException {
    return deserialize(in);
  }

  @Override
  public final void copy(DataInputView in, DataOutputView out) throws IOException {
    serialize(deserialize(in), out);
  }

  /**
   * A string, or null, as a tag byte and then, for all but the longest strings, modified UTF-8
   * ({@code writeUTF}): Flink's network buffers encode and decode that in one loop over their own
   * array, where {@code StringValue.writeString} makes an interface call per character (a tenth of
   * the analytics job's shuffle cost). Strings whose modified UTF-8 could exceed writeUTF's 65,535
   * bytes (three bytes a char at worst) keep {@code StringValue}'s encoding; both are lossless for
   * any char sequence, unpaired surrogates included.
   */
  protected static void string(String s, DataOutputView out) throws IOException {
    if (s == null) {
      out.writeByte(NULL_STRING);
    } else if (s.length() <= MAX_UTF_CHARS) {
      out.writeByte(UTF_STRING);
      out.writeUTF(s);
    } else {
      out.writeByte(LONG_STRING);
      StringValue.writeString(s, out);
    }
  }

  protected static String string(DataInputView in) throws IOException {
    int tag = in.readByte();
    return switch (tag) {
      case NULL_STRING -> null;
      case UTF_STRING -> in.readUTF();
      case LONG_STRING -> StringValue.readString(in);
      default -> throw new IOException("not a string tag: " + tag);
    };
  }

  protected static void instant(Instant t, DataOutputView out) throws IOException {
    out.writeLong(t.getEpochSecond());
    out.writeInt(t.getNano());
  }

  protected static Instant instant(DataInputView in) throws IOException {
    return Instant.ofEpochSecond(in.readLong(), in.readInt());
  }
}
