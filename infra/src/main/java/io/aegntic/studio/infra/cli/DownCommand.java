package io.aegntic.studio.infra.cli;

import io.aegntic.studio.infra.ChildProcesses;
import io.aegntic.studio.infra.StackException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code down}: asks the running {@code up} to stop everything and waits for it; then stops any
 * child still named in a pid file. {@code reset} does that and deletes the stack's data.
 */
final class DownCommand {

  /** What a data folder holds; reset deletes only these, never a folder's other content. */
  private static final List<String> DATA_ENTRIES =
      List.of("kafka", "postgres", "influxdb", "logs", "run", "state", "secrets.env");

  private final StudioEnvironment env;
  private final PrintStream out;

  DownCommand(StudioEnvironment env, PrintStream out) {
    this.env = env;
    this.out = out;
  }

  int run() {
    StateFiles state = new StateFiles(env.stateDir());
    Optional<ProcessHandle> supervisor = state.supervisor();
    boolean stoppedSomething = supervisor.isPresent();
    if (supervisor.isPresent()) {
      ProcessHandle process = supervisor.get();
      out.println("Stopping (pid " + process.pid() + ")...");
      process.destroy();
      try {
        process.onExit().get(120, TimeUnit.SECONDS);
      } catch (Exception e) {
        out.println("It did not stop within 120 s; killing it (its children die with it).");
        process.destroyForcibly();
      }
    }
    Path runDir = env.settings().runDir();
    if (Files.isDirectory(runDir)) {
      try (Stream<Path> pids = Files.list(runDir)) {
        stoppedSomething |=
            pids.filter(p -> p.toString().endsWith(".pid"))
                .anyMatch(p -> ChildProcesses.recorded(p).isPresent());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    ChildProcesses.stopRecorded(runDir, Duration.ofSeconds(20));
    state.clear();
    out.println(stoppedSomething ? "Stopped." : "Nothing was running.");
    return 0;
  }

  int reset() {
    run();
    Path dir = env.settings().dataDir();
    if (dir.equals(env.home()) || dir.getParent() == null) {
      throw new StackException("Refusing to reset: the data folder is " + dir);
    }
    for (String entry : DATA_ENTRIES) {
      delete(dir.resolve(entry));
    }
    try (Stream<Path> left = Files.exists(dir) ? Files.list(dir) : Stream.empty()) {
      if (left.findAny().isEmpty()) {
        Files.deleteIfExists(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println("Deleted the stack's data in " + dir + ". The next ./studio up starts afresh.");
    return 0;
  }

  private static void delete(Path path) {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> files = Files.walk(path)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
