package io.aegntic.studio.ml;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the shared data sets live: system property {@code studio.shared.data}, by default {@code
 * ../../shared/data} from the module directory (the build sets it). Missing data is a clear
 * failure, never a silent skip.
 */
public final class SharedData {
  private SharedData() {}

  public static Path dir(String dataset) {
    Path root = Path.of(System.getProperty("studio.shared.data", "../../shared/data"));
    Path dir = root.resolve(dataset).toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException(
          "shared data set '"
              + dataset
              + "' not found at "
              + dir
              + " (set -Dstudio.shared.data=/path/to/shared/data)");
    }
    return dir;
  }
}
