package io.aegntic.studio.infra.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A service the launcher starts after the stack, read from a {@code
 * <module>/studio-service[-name].properties} file with its variables already expanded.
 *
 * @param command the command line split into arguments
 * @param health URL that answers 2xx once the service is ready (empty: alive is enough)
 * @param jars the jars the command needs; the service is skipped while one is missing
 */
record ServiceSpec(
    String name,
    int order,
    List<String> command,
    Optional<String> health,
    Optional<String> address,
    Duration healthTimeout,
    List<Path> jars,
    Path source) {

  /** The first jar that is not built yet, if any. */
  Optional<Path> missingJar() {
    return jars.stream().filter(jar -> !Files.isRegularFile(jar)).findFirst();
  }
}
