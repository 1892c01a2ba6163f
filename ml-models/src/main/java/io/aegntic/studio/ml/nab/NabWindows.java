package io.aegntic.studio.ml.nab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aegntic.studio.ml.trend.SeriesCsv;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads NAB's combined_windows.json format: {"dir/file.csv": [["start", "end"], ...], ...}. */
public final class NabWindows {
  private NabWindows() {}

  public static Map<String, List<NabWindow>> read(Path file) {
    Map<String, List<List<String>>> raw;
    try {
      raw = new ObjectMapper().readValue(file.toFile(), new TypeReference<>() {});
    } catch (NoSuchFileException | FileNotFoundException e) {
      throw new IllegalArgumentException(file + ": no such file");
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          file + ": not a NAB windows file (" + e.getOriginalMessage() + ")");
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
    if (raw == null || raw.isEmpty()) {
      throw new IllegalArgumentException(file + ": no files listed");
    }
    Map<String, List<NabWindow>> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<List<String>>> e : raw.entrySet()) {
      List<NabWindow> windows = new ArrayList<>();
      for (List<String> pair : e.getValue() == null ? List.<List<String>>of() : e.getValue()) {
        if (pair == null || pair.size() != 2) {
          throw new IllegalArgumentException(
              file + ": window of " + e.getKey() + " must be [start, end], got " + pair);
        }
        try {
          windows.add(
              new NabWindow(
                  SeriesCsv.parseTimestamp(pair.get(0)), SeriesCsv.parseTimestamp(pair.get(1))));
        } catch (DateTimeParseException ex) {
          throw new IllegalArgumentException(
              file + ": bad timestamp in window of " + e.getKey() + ": " + ex.getParsedString());
        }
      }
      windows.sort(Comparator.comparing(NabWindow::start));
      out.put(e.getKey(), List.copyOf(windows));
    }
    return out;
  }
}
