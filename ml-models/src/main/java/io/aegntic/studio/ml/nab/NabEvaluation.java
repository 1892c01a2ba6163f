package io.aegntic.studio.ml.nab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Scores a directory of detector results against a NAB windows file, per file and overall. */
public final class NabEvaluation {
  private NabEvaluation() {}

  /** Per-file scores in the windows file's order, and NAB's normalised score over all of them. */
  public record Outcome(Map<String, NabScorer.FileScore> files, double score) {}

  public static Outcome score(Path windowsFile, Path resultsDir, NabProfile profile) {
    if (!Files.isDirectory(resultsDir)) {
      throw new IllegalArgumentException(resultsDir + ": not a directory");
    }
    Map<String, List<NabWindow>> windows = NabWindows.read(windowsFile);
    NabScorer scorer = new NabScorer(profile);
    Map<String, NabScorer.FileScore> files = new LinkedHashMap<>();
    for (Map.Entry<String, List<NabWindow>> e : windows.entrySet()) {
      NabResults results = NabResults.read(resultsFile(resultsDir, e.getKey()));
      files.put(e.getKey(), scorer.score(results.timestamps(), results.alerts(), e.getValue()));
    }
    return new Outcome(files, NabScorer.normalised(new ArrayList<>(files.values())));
  }

  /** DIR/key, DIR/file name, or NAB's own naming DIR/…/detector_file name. */
  static Path resultsFile(Path dir, String key) {
    String name = Path.of(key).getFileName().toString();
    for (Path candidate : List.of(dir.resolve(key), dir.resolve(name))) {
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      List<Path> found =
          walk.filter(Files::isRegularFile)
              .filter(p -> p.getFileName().toString().endsWith("_" + name))
              .sorted()
              .toList();
      if (found.size() == 1) {
        return found.get(0);
      }
      if (found.size() > 1) {
        throw new IllegalArgumentException(
            dir + ": several results files for " + key + ": " + found);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(dir + ": cannot list (" + e.getMessage() + ")");
    }
    throw new IllegalArgumentException(
        dir + ": no results file for " + key + " (looked for " + name + ")");
  }
}
