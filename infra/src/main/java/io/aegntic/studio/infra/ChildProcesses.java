package io.aegntic.studio.infra;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts and stops the stack's and the services' child processes so that none outlives us.
 *
 * <p>Every child is forked from one long-lived thread through {@code setpriv --pdeathsig KILL}: the
 * kernel kills the child when that thread ends, which happens when this JVM exits in any way, even
 * {@code kill -9}. Each child also gets a pid file (pid and start time) in the run folder, so
 * {@code down} and the next {@code up} can stop leftovers without ever touching a stranger's
 * process that happens to reuse the pid.
 */
public final class ChildProcesses {

  private static final ExecutorService SPAWNER =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "studio-spawner");
            t.setDaemon(true);
            return t;
          });

  private static final Optional<Path> SETPRIV = executable("setpriv");

  private ChildProcesses() {}

  /**
   * Starts {@code command} with its output appended to {@code log} and records it in {@code
   * pidFile}. Extra {@code env} entries are added to this process's environment.
   */
  public static Process spawn(
      List<String> command, Map<String, String> env, Path workDir, Path log, Path pidFile) {
    List<String> full = new ArrayList<>();
    SETPRIV.ifPresent(p -> full.addAll(List.of(p.toString(), "--pdeathsig", "KILL", "--")));
    full.addAll(command);
    ProcessBuilder builder = new ProcessBuilder(full).directory(workDir.toFile());
    builder.environment().putAll(env);
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    try {
      Files.createDirectories(log.getParent());
      Process process = SPAWNER.submit(builder::start).get();
      if (pidFile != null) {
        writePidFile(pidFile, process.toHandle());
      }
      return process;
    } catch (ExecutionException e) {
      throw new StackException(
          "Could not start `" + String.join(" ", command) + "`: " + e.getCause().getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StackException("Interrupted while starting " + command.get(0), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Sends {@code signal} (e.g. {@code TERM}, {@code INT}) to the process, waits up to {@code grace}
   * for it and its descendants to end, then kills whatever is left.
   */
  public static void stop(ProcessHandle process, String signal, Duration grace) {
    List<ProcessHandle> family = new ArrayList<>();
    process.descendants().forEach(family::add);
    family.add(process);
    if (!process.isAlive()) {
      family.forEach(ProcessHandle::destroyForcibly);
      return;
    }
    signal(process.pid(), signal);
    try {
      process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      // Still running after the grace period (or interrupted): fall through to the kill.
    }
    family.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  /** Stops every process recorded in {@code *.pid} files under {@code runDir} and removes them. */
  public static void stopRecorded(Path runDir, Duration grace) {
    if (!Files.isDirectory(runDir)) {
      return;
    }
    try (Stream<Path> files = Files.list(runDir)) {
      for (Path pidFile : files.filter(f -> f.toString().endsWith(".pid")).toList()) {
        recorded(pidFile).ifPresent(p -> stop(p, "TERM", grace));
        Files.deleteIfExists(pidFile);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The live process a pid file names, if it is still the same process (same start time). */
  public static Optional<ProcessHandle> recorded(Path pidFile) {
    try {
      String[] parts = Files.readString(pidFile, StandardCharsets.UTF_8).trim().split("\\s+");
      long pid = Long.parseLong(parts[0]);
      Instant started = parts.length > 1 ? Instant.parse(parts[1]) : null;
      return ProcessHandle.of(pid)
          .filter(ProcessHandle::isAlive)
          .filter(p -> started == null || started.equals(p.info().startInstant().orElse(null)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Writes {@code pid startInstant} for {@code process}. */
  public static void writePidFile(Path pidFile, ProcessHandle process) throws IOException {
    Files.createDirectories(pidFile.getParent());
    String started = process.info().startInstant().map(Instant::toString).orElse("");
    Files.writeString(pidFile, process.pid() + " " + started + "\n", StandardCharsets.UTF_8);
  }

  static void signal(long pid, String signal) {
    try {
      new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor(5, TimeUnit.SECONDS);
    } catch (IOException e) {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The path of a system tool in the usual bin folders, if installed. */
  public static Optional<Path> executable(String name) {
    for (String dir : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
