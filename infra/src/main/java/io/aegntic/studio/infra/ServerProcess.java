package io.aegntic.studio.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * One server of the local stack run as a child process: its log and pid file, the wait for its
 * health check, and the messages for a server that dies or never becomes healthy.
 */
abstract class ServerProcess {

  protected final StackSettings settings;
  private final String part;
  private final String title;
  private Process process;
  private long logOffset;

  ServerProcess(String part, String title, StackSettings settings) {
    this.part = part;
    this.title = title;
    this.settings = settings;
  }

  /** Checks, before anything starts, that the server can start: its data folder is sound. */
  abstract void preflight();

  /** Prepares the data folder and starts the server, returning once it is healthy. */
  abstract void start();

  /** The folder holding this server's data (what a reset deletes). */
  abstract Path dataFolder();

  /** The signal that makes this server shut down cleanly and quickly. */
  String stopSignal() {
    return "TERM";
  }

  /** How long a clean shutdown may take before the process is killed. */
  Duration stopGrace() {
    return Duration.ofSeconds(20);
  }

  final String part() {
    return part;
  }

  final String title() {
    return title;
  }

  final Path log() {
    return settings.logsDir().resolve(part + ".log");
  }

  final Path pidFile() {
    return settings.runDir().resolve(part + ".pid");
  }

  final boolean isRunning() {
    return process != null && process.isAlive();
  }

  final Process launch(List<String> command, Map<String, String> env) {
    logOffset = LogFiles.size(log());
    process = ChildProcesses.spawn(command, env, dataFolder(), log(), pidFile());
    return process;
  }

  /** Polls {@code healthy} until it holds; fails if the process dies or time runs out. */
  final void awaitHealthy(Duration timeout, BooleanSupplier healthy) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw exited(process.exitValue());
      }
      if (healthy.getAsBoolean()) {
        return;
      }
      sleep(100);
    }
    stop();
    throw new StackException(
        title
            + " did not become healthy within "
            + timeout.toSeconds()
            + " s. Its log is "
            + log()
            + "; its last lines:\n"
            + logTail(15));
  }

  void stop() {
    if (process != null) {
      ChildProcesses.stop(process.toHandle(), stopSignal(), stopGrace());
      process = null;
    }
    try {
      Files.deleteIfExists(pidFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  StackException exited(int code) {
    return new StackException(
        title
            + " exited while starting (exit code "
            + code
            + "). Last lines of "
            + log()
            + ":\n"
            + logTail(15)
            + "\nIf its data folder is damaged, "
            + resetAdvice());
  }

  StackException damaged(String detail) {
    return new StackException(
        "The "
            + title
            + " data folder "
            + dataFolder()
            + " is damaged: "
            + detail
            + ".\nTo "
            + resetAdvice());
  }

  String resetAdvice() {
    return "start it afresh (this deletes its data): "
        + "./studio down && rm -rf "
        + dataFolder()
        + "   (or ./studio reset to wipe the whole stack in "
        + settings.dataDir()
        + ")";
  }

  /** The last lines this run wrote to the log, indented. */
  String logTail(int lines) {
    return LogFiles.tail(log(), logOffset, lines);
  }

  static boolean isEmptyDir(Path dir) {
    if (!Files.isDirectory(dir)) {
      return true;
    }
    try (var files = Files.list(dir)) {
      return files.findAny().isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StackException("Interrupted while starting the stack", e);
    }
  }
}
