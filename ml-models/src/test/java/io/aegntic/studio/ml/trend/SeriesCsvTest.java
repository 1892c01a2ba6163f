package io.aegntic.studio.ml.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeriesCsvTest {
  @TempDir Path dir;

  private Path file(String content) throws Exception {
    return Files.writeString(dir.resolve("s.csv"), content);
  }

  @Test
  void readsNabFormat() throws Exception {
    var points =
        SeriesCsv.read(file("timestamp,value\n2015-02-26 21:42:53,104\n2015-02-26 21:47:53,3.5\n"));
    assertThat(points)
        .containsExactly(
            new SeriesPoint(LocalDateTime.of(2015, 2, 26, 21, 42, 53), 104),
            new SeriesPoint(LocalDateTime.of(2015, 2, 26, 21, 47, 53), 3.5));
  }

  @Test
  void acceptsFractionalSecondsAsInWindowFiles() {
    assertThat(SeriesCsv.parseTimestamp("2015-03-03 04:37:53.000000"))
        .isEqualTo(LocalDateTime.of(2015, 3, 3, 4, 37, 53));
  }

  @Test
  void missingHeaderIsReported() throws Exception {
    Path f = file("2015-02-26 21:42:53,104\n");
    assertThatThrownBy(() -> SeriesCsv.read(f))
        .hasMessageContaining("line 1")
        .hasMessageContaining("header");
  }

  @Test
  void badTimestampNamesTheLine() throws Exception {
    Path f = file("timestamp,value\n2015-02-26 21:42:53,1\nyesterday,2\n");
    assertThatThrownBy(() -> SeriesCsv.read(f))
        .hasMessageContaining("line 3")
        .hasMessageContaining("'yesterday'");
  }

  @Test
  void badValueNamesTheLine() throws Exception {
    Path f = file("timestamp,value\n2015-02-26 21:42:53,lots\n");
    assertThatThrownBy(() -> SeriesCsv.read(f))
        .hasMessageContaining("line 2")
        .hasMessageContaining("'lots'");
  }

  @Test
  void nonFiniteAndMissingValuesAreRejected() throws Exception {
    Path nan = file("timestamp,value\n2015-02-26 21:42:53,NaN\n");
    assertThatThrownBy(() -> SeriesCsv.read(nan)).hasMessageContaining("finite");
    Path single = file("timestamp,value\n2015-02-26 21:42:53\n");
    assertThatThrownBy(() -> SeriesCsv.read(single)).hasMessageContaining("line 2");
  }

  @Test
  void emptyAndHeaderOnlyFilesAreRejected() throws Exception {
    Path empty = file("");
    assertThatThrownBy(() -> SeriesCsv.read(empty)).hasMessageContaining("empty");
    Path header = file("timestamp,value\n");
    assertThatThrownBy(() -> SeriesCsv.read(header)).hasMessageContaining("no data rows");
  }
}
