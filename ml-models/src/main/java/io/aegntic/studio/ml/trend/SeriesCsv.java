package io.aegntic.studio.ml.trend;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;

/** Reads NAB-format series files: a {@code timestamp,value} header, then one row per interval. */
public final class SeriesCsv {
  /** NAB's "2015-02-26 21:42:53", with optional fraction ("…53.000000") and optional 'T'. */
  public static final DateTimeFormatter TIMESTAMP =
      new DateTimeFormatterBuilder()
          .appendPattern("yyyy-MM-dd")
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .optionalStart()
          .appendLiteral('T')
          .optionalEnd()
          .appendPattern("HH:mm:ss")
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .toFormatter();

  private static final DateTimeFormatter OUTPUT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private SeriesCsv() {}

  public static LocalDateTime parseTimestamp(String text) {
    return LocalDateTime.parse(text.trim(), TIMESTAMP);
  }

  public static String format(LocalDateTime timestamp) {
    return OUTPUT.format(timestamp);
  }

  /**
   * Reads the series; any malformed row is an {@link IllegalArgumentException} naming file and
   * line, so nothing is scored from half a file.
   */
  public static List<SeriesPoint> read(Path file) {
    List<SeriesPoint> points = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      if (header == null) {
        throw new IllegalArgumentException(file + ": empty file (expected header timestamp,value)");
      }
      String[] cols = header.trim().split(",");
      if (cols.length < 2
          || !cols[0].trim().equals("timestamp")
          || !cols[1].trim().equals("value")) {
        throw new IllegalArgumentException(
            file + " line 1: expected header 'timestamp,value', got '" + header + "'");
      }
      String line;
      int lineNo = 1;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        points.add(parseRow(file, lineNo, line));
      }
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": no such file");
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
    if (points.isEmpty()) {
      throw new IllegalArgumentException(file + ": no data rows");
    }
    return points;
  }

  private static SeriesPoint parseRow(Path file, int lineNo, String line) {
    String[] parts = line.split(",");
    if (parts.length < 2) {
      throw new IllegalArgumentException(
          file + " line " + lineNo + ": expected 'timestamp,value', got '" + line + "'");
    }
    LocalDateTime ts;
    try {
      ts = parseTimestamp(parts[0]);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          file + " line " + lineNo + ": bad timestamp '" + parts[0].trim() + "'");
    }
    double value;
    try {
      value = Double.parseDouble(parts[1].trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          file + " line " + lineNo + ": bad value '" + parts[1].trim() + "'");
    }
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(
          file + " line " + lineNo + ": value must be finite, got '" + parts[1].trim() + "'");
    }
    return new SeriesPoint(ts, value);
  }
}
