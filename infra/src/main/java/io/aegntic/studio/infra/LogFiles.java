package io.aegntic.studio.infra;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the end of a part's log for error messages. */
public final class LogFiles {

  private LogFiles() {}

  /** The size of {@code log} now, to read only what is written after this point later. */
  public static long size(Path log) {
    try {
      return Files.exists(log) ? Files.size(log) : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  /** The last {@code lines} lines written after {@code offset}, each indented by four spaces. */
  public static String tail(Path log, long offset, int lines) {
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
      long start = Math.max(offset, file.length() - 8192);
      file.seek(start);
      byte[] bytes = new byte[(int) (file.length() - start)];
      file.readFully(bytes);
      List<String> all = new String(bytes, StandardCharsets.UTF_8).lines().toList();
      List<String> tail = all.subList(Math.max(0, all.size() - lines), all.size());
      return tail.isEmpty() ? "    (empty)" : "    " + String.join("\n    ", tail);
    } catch (IOException e) {
      return "    (no log: " + e.getMessage() + ")";
    }
  }
}
