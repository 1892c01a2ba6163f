package io.aegntic.studio.ml.nab;

import io.aegntic.studio.ml.trend.SeriesCsv;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A detector's output for one file: timestamps and alert flags (from the "alert" column). */
public record NabResults(List<LocalDateTime> timestamps, boolean[] alerts) {

  public static NabResults read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot read (" + e.getMessage() + ")");
    }
    if (lines.isEmpty()) {
      throw new IllegalArgumentException(file + ": empty results file");
    }
    List<String> header = Arrays.stream(lines.get(0).split(",")).map(String::trim).toList();
    int ts = header.indexOf("timestamp");
    int alert = header.indexOf("alert");
    if (ts < 0 || alert < 0) {
      throw new IllegalArgumentException(
          file
              + " line 1: results need 'timestamp' and 'alert' columns, got '"
              + lines.get(0)
              + "'");
    }
    List<LocalDateTime> timestamps = new ArrayList<>(lines.size());
    boolean[] alerts = new boolean[lines.size() - 1];
    int n = 0;
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      String[] parts = line.split(",");
      if (parts.length <= Math.max(ts, alert)) {
        throw new IllegalArgumentException(file + " line " + (i + 1) + ": too few columns");
      }
      try {
        timestamps.add(SeriesCsv.parseTimestamp(parts[ts]));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            file + " line " + (i + 1) + ": bad timestamp '" + parts[ts].trim() + "'");
      }
      String flag = parts[alert].trim();
      if (!flag.equals("0") && !flag.equals("1")) {
        throw new IllegalArgumentException(
            file + " line " + (i + 1) + ": alert must be 0 or 1, got '" + flag + "'");
      }
      alerts[n++] = flag.equals("1");
    }
    return new NabResults(List.copyOf(timestamps), Arrays.copyOf(alerts, n));
  }
}
