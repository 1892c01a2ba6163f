package io.aegntic.studio.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A per-user folder for things every stack on this machine can share and rebuild at will: the
 * unpacked PostgreSQL binaries and the Kafka broker's class-data archive. {@code
 * $STUDIO_CACHE_DIR}, default {@code ~/.cache/aegntic-studio}; deleting it is always safe.
 */
final class StudioCache {

  private StudioCache() {}

  /** The cache folder, or empty when it cannot be created or written. */
  static Optional<Path> dir() {
    String configured = System.getenv("STUDIO_CACHE_DIR");
    Path dir =
        configured != null && !configured.isBlank()
            ? Path.of(configured)
            : Path.of(System.getProperty("user.home"), ".cache", "aegntic-studio");
    try {
      Files.createDirectories(dir);
      return Files.isWritable(dir) ? Optional.of(dir) : Optional.empty();
    } catch (IOException | SecurityException e) {
      return Optional.empty();
    }
  }
}
