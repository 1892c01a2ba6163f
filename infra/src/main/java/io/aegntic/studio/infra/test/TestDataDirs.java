package io.aegntic.studio.infra.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Keeps the per-JVM test stack folders tidy: a folder whose JVM is gone is deleted. */
final class TestDataDirs {

  private TestDataDirs() {}

  static void removeStale(Path root) {
    if (!Files.isDirectory(root)) {
      return;
    }
    try (Stream<Path> dirs = Files.list(root)) {
      dirs.filter(TestDataDirs::isStale).forEach(TestDataDirs::delete);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isStale(Path dir) {
    String name = dir.getFileName().toString();
    if (!name.startsWith("jvm-")) {
      return false;
    }
    try {
      long pid = Long.parseLong(name.substring(4));
      return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
