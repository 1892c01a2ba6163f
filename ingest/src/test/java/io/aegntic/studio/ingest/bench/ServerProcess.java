package io.aegntic.studio.ingest.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server under test in a JVM of its own, started by a benchmark with this JVM's options and
 * classpath (its heap set apart) and run by {@link BenchServer}: as deployed, ingest has a process,
 * heap, JIT and event loops of its own, not the load generator's. Output goes to a log file.
 */
final class ServerProcess implements AutoCloseable {
  private static final Duration START = Duration.ofMinutes(3);

  private final String name;
  private final Process process;
  private final Path log;
  private final int port;

  private ServerProcess(String name, Process process, Path log, int port) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /** Starts {@code BenchServer args} and waits until it printed its port. */
  static ServerProcess start(String name, String heap, Path logDir, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      // The benchmark's own heap and recordings are not the server's.
      if (!option.startsWith("-Xmx")
          && !option.startsWith("-Xms")
          && !option.startsWith("-XX:StartFlightRecording")) {
        command.add(option);
      }
    }
    command.addAll(List.of("-Xmx" + heap, "-cp", System.getProperty("java.class.path")));
    command.add(BenchServer.class.getName());
    command.addAll(List.of(args));
    Files.createDirectories(logDir);
    Path log = logDir.resolve("bench-" + name + ".log");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    ServerProcess server = null;
    try {
      server = new ServerProcess(name, process, log, awaitPort(name, process, log));
      return server;
    } finally {
      if (server == null) {
        process.destroyForcibly();
      }
    }
  }

  /** The port from the server's {@code PORT n} line. */
  private static int awaitPort(String name, Process process, Path log)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + START.toNanos();
    while (System.nanoTime() < deadline) {
      for (String line : Files.readAllLines(log)) {
        if (line.startsWith(BenchServer.PORT_LINE)) {
          return Integer.parseInt(line.substring(BenchServer.PORT_LINE.length()).trim());
        }
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " exited with " + process.exitValue() + " before it listened; see " + log);
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(name + " did not listen within " + START + "; see " + log);
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  /** CPU time of the server's whole process so far (every thread), in nanoseconds. */
  long cpuNanos() {
    return process.toHandle().info().totalCpuDuration().orElseThrow().toNanos();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return name + " (pid " + process.pid() + ", log " + log + ")";
  }
}
