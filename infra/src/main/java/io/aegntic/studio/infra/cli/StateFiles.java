package io.aegntic.studio.infra.cli;

import io.aegntic.studio.infra.ChildProcesses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a running {@code up} leaves in {@code $STUDIO_DATA_DIR/state/} for the other commands: its
 * pid, the services it started (name, health URL, address) and, once all is healthy, a summary.
 */
final class StateFiles {

  /** One started service as {@code status} needs it. */
  record Started(String name, String health, String address) {}

  private final Path dir;

  StateFiles(Path dir) {
    this.dir = dir;
  }

  Path pidFile() {
    return dir.resolve("studio.pid");
  }

  Path readyFile() {
    return dir.resolve("ready");
  }

  Path servicesFile() {
    return dir.resolve("services");
  }

  /** The running supervisor ({@code up}), if any. */
  Optional<ProcessHandle> supervisor() {
    return ChildProcesses.recorded(pidFile());
  }

  void markStarting() {
    clear();
    try {
      ChildProcesses.writePidFile(pidFile(), ProcessHandle.current());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void writeServices(List<Started> services) {
    StringBuilder text = new StringBuilder();
    for (Started s : services) {
      text.append(s.name()).append('\t').append(s.health()).append('\t').append(s.address());
      text.append('\n');
    }
    write(servicesFile(), text.toString());
  }

  List<Started> services() {
    List<Started> result = new ArrayList<>();
    if (!Files.isRegularFile(servicesFile())) {
      return result;
    }
    try {
      for (String line : Files.readAllLines(servicesFile(), StandardCharsets.UTF_8)) {
        String[] parts = line.split("\t", -1);
        if (parts.length == 3) {
          result.add(new Started(parts[0], parts[1], parts[2]));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return result;
  }

  void markReady(String summary) {
    write(readyFile(), summary);
  }

  Optional<String> ready() {
    try {
      return Files.isRegularFile(readyFile())
          ? Optional.of(Files.readString(readyFile(), StandardCharsets.UTF_8))
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  void clear() {
    try {
      Files.deleteIfExists(readyFile());
      Files.deleteIfExists(servicesFile());
      Files.deleteIfExists(pidFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void write(Path file, String text) {
    try {
      Files.createDirectories(dir);
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
