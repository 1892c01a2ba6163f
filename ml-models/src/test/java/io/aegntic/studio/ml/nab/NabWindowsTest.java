package io.aegntic.studio.ml.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NabWindowsTest {
  @TempDir Path dir;

  @Test
  void readsNabWindowsSortedByStart() throws Exception {
    Path f =
        Files.writeString(
            dir.resolve("w.json"),
            "{\"realTweets/a.csv\": [[\"2015-03-09 01:02:53.000000\", \"2015-03-10 10:02:53.000000\"],"
                + " [\"2015-03-03 04:37:53.000000\", \"2015-03-04 13:37:53.000000\"]],"
                + " \"realTweets/b.csv\": []}");
    var windows = NabWindows.read(f);
    assertThat(windows.get("realTweets/a.csv").get(0).start())
        .isEqualTo(LocalDateTime.of(2015, 3, 3, 4, 37, 53));
    assertThat(windows.get("realTweets/b.csv")).isEmpty();
  }

  @Test
  void malformedJsonIsReportedWithTheFile() throws Exception {
    Path f = Files.writeString(dir.resolve("w.json"), "{\"a.csv\": [[\"2015-03-09 01:02:53\"]]}");
    assertThatThrownBy(() -> NabWindows.read(f)).hasMessageContaining("must be [start, end]");
    Path g = Files.writeString(dir.resolve("g.json"), "not json");
    assertThatThrownBy(() -> NabWindows.read(g)).hasMessageContaining("not a NAB windows file");
    assertThatThrownBy(() -> NabWindows.read(dir.resolve("none.json")))
        .hasMessageContaining("no such file");
  }

  @Test
  void windowEndingBeforeItStartsIsRejected() throws Exception {
    Path f =
        Files.writeString(
            dir.resolve("w.json"),
            "{\"a.csv\": [[\"2015-03-09 01:02:53\", \"2015-03-08 01:02:53\"]]}");
    assertThatThrownBy(() -> NabWindows.read(f)).hasMessageContaining("before it starts");
  }
}
