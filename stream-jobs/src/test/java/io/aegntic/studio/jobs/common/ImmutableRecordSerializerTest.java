package io.aegntic.studio.jobs.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputViewStreamWrapper;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputViewStreamWrapper;
import org.junit.jupiter.api.Test;

class ImmutableRecordSerializerTest {
  /** Null, ASCII, accents, a surrogate pair, unpaired surrogates, and both sides of the limit. */
  private static final List<String> STRINGS =
      Arrays.asList(
          null,
          "",
          "post-17",
          "é long ✓",
          "emoji \uD83D\uDE00 pair",
          "unpaired \uD800 high and \uDC00 low",
          "\u0000 nul char",
          "✓".repeat(65_535 / 3), // 65,535 bytes of modified UTF-8: the most writeUTF takes
          "✓".repeat(65_535 / 3 + 1),
          "a".repeat(200_000));

  @Test
  void everyStringSurvivesTheNetworkBuffers() throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(64);
    for (String s : STRINGS) {
      ImmutableRecordSerializer.string(s, out);
    }
    DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
    for (String s : STRINGS) {
      assertThat(ImmutableRecordSerializer.string(in)).isEqualTo(s);
    }
    assertThat(in.available()).isZero();
  }

  @Test
  void everyStringSurvivesPlainStreams() throws IOException {
    var bytes = new java.io.ByteArrayOutputStream();
    var out = new DataOutputViewStreamWrapper(bytes);
    for (String s : STRINGS) {
      ImmutableRecordSerializer.string(s, out);
    }
    var in = new DataInputViewStreamWrapper(new java.io.ByteArrayInputStream(bytes.toByteArray()));
    for (String s : STRINGS) {
      assertThat(ImmutableRecordSerializer.string(in)).isEqualTo(s);
    }
  }

  @Test
  void anUnknownTagIsRefusedWithWhatItWas() {
    DataInputDeserializer in = new DataInputDeserializer(new byte[] {7, 0, 0});
    assertThatThrownBy(() -> ImmutableRecordSerializer.string(in))
        .isInstanceOf(IOException.class)
        .hasMessage("not a string tag: 7");
  }
}
