package io.aegntic.studio.jobs.analytics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the newest completed checkpoint under the checkpoint folder, so a local restart of the job
 * (./studio down, then up) resumes its state instead of starting empty.
 */
final class LatestCheckpoint {
  private LatestCheckpoint() {}

  /** The newest {@code <job>/chk-N} folder with a {@code _metadata} file, if any. */
  static Optional<Path> under(String checkpointDir) {
    Path root =
        checkpointDir.startsWith("file:")
            ? Path.of(URI.create(checkpointDir))
            : Path.of(checkpointDir);
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.walk(root, 3)) {
      return files
          .filter(p -> p.getFileName().toString().equals("_metadata"))
          .max(Comparator.comparingLong(LatestCheckpoint::modified))
          .map(Path::getParent);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look for checkpoints in " + root, e);
    }
  }

  private static long modified(Path p) {
    try {
      return Files.getLastModifiedTime(p).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }
}
