package io.aegntic.studio.ml.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeadFileTest {
  @TempDir static Path dir;
  static byte[] bytes;
  static SentimentHead head;

  @BeforeAll
  static void trainSmallHead() throws Exception {
    head =
        new HeadTrainer(
                new HeadConfig(4, 8, 1, 1e-2, 0, 16, 1),
                new PrintStream(new ByteArrayOutputStream()))
            .train("abc", HeadTrainerTest.synthetic(100, 1), HeadTrainerTest.synthetic(50, 2));
    Path file = dir.resolve("head.bin");
    HeadFile.write(head, file);
    bytes = Files.readAllBytes(file);
  }

  @Test
  void roundTripKeepsEveryWeight() {
    SentimentHead read = HeadFile.read(bytes, "head.bin");
    assertThat(read.encoderSha256).isEqualTo("abc");
    assertThat(read.w1).isEqualTo(head.w1);
    assertThat(read.ws).isEqualTo(head.ws);
    assertThat(read.offsets).isEqualTo(head.offsets);
  }

  @Test
  void truncatedFileIsRefusedNamingIt() {
    byte[] truncated = Arrays.copyOf(bytes, bytes.length / 2);
    assertThatThrownBy(() -> HeadFile.read(truncated, "models/sentiment-head.bin"))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("models/sentiment-head.bin");
  }

  @Test
  void alteredContentFailsTheChecksum() throws Exception {
    byte[] raw =
        new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes)).readAllBytes();
    raw[raw.length / 2] ^= 0x40;
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (var out = new java.util.zip.GZIPOutputStream(gz)) {
      out.write(raw);
    }
    assertThatThrownBy(() -> HeadFile.read(gz.toByteArray(), "head.bin"))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("checksum");
  }

  @Test
  void notGzipIsRefused() {
    assertThatThrownBy(() -> HeadFile.read("hello".getBytes(), "x.bin"))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("'x.bin'");
  }

  @Test
  void missingClasspathResourceIsNamed() {
    assertThatThrownBy(() -> ModelResources.read("models/no-such-head.bin"))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("models/no-such-head.bin");
  }

  @Test
  void shippedHeadResourceIsValid() {
    SentimentHead shipped =
        HeadFile.read(ModelResources.read(SentimentModel.HEAD_RESOURCE), "shipped");
    assertThat(shipped.mean).hasSize(MiniLmEncoder.DIMENSION);
  }
}
