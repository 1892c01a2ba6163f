package io.aegntic.studio.infra.cli;

import io.aegntic.studio.infra.ChildProcesses;
import io.aegntic.studio.infra.LocalStack;
import io.aegntic.studio.infra.LogFiles;
import io.aegntic.studio.infra.StackEndpoints;
import io.aegntic.studio.infra.StackException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code ./studio up} runs: the local stack, then every built service in order, each waited
 * for until healthy; {@link #stop()} stops them all in reverse. Every child is started through
 * {@link ChildProcesses}, so none outlives this JVM.
 */
final class Supervisor {

  private record Running(ServiceSpec spec, Process process) {}

  private final StudioEnvironment env;
  private final boolean demo;
  private final PrintStream out;
  private final StateFiles state;
  private final List<Running> services = new ArrayList<>();
  private LocalStack stack;
  private volatile boolean stopping;

  Supervisor(StudioEnvironment env, boolean demo, PrintStream out) {
    this.env = env;
    this.demo = demo;
    this.out = out;
    this.state = new StateFiles(env.stateDir());
  }

  /** Starts everything; on failure stops what was started and throws. */
  void start() {
    long begin = System.nanoTime();
    state.markStarting();
    // Leftovers of an earlier up that was killed (pdeathsig normally takes care of them).
    ChildProcesses.stopRecorded(env.settings().runDir(), Duration.ofSeconds(20));
    out.println("Starting Kafka, PostgreSQL and InfluxDB (data: " + env.settings().dataDir() + ")");
    stack = startStack();
    StringBuilder parts = new StringBuilder();
    stack
        .startupTimes()
        .forEach(
            (part, time) ->
                parts.append(String.format(", %s %.1f s", part, time.toMillis() / 1e3)));
    out.printf(
        "Stack healthy in %.1f s (%s)%n",
        (System.nanoTime() - begin) / 1e9, parts.length() == 0 ? "" : parts.substring(2));
    Map<String, String> serviceEnv = env.serviceEnvironment(stack.endpoints(), demo);
    List<StateFiles.Started> started = new ArrayList<>();
    for (ServiceSpec spec : ServiceFiles.discover(env.home(), serviceEnv)) {
      if (stopping) {
        throw new StackException("Stopped while starting.");
      }
      if (spec.missingJar().isPresent()) {
        out.println(
            "Skipping " + spec.name() + ": " + spec.missingJar().get() + " is not built yet.");
        continue;
      }
      startService(spec, serviceEnv);
      started.add(
          new StateFiles.Started(spec.name(), spec.health().orElse(""), spec.address().orElse("")));
      state.writeServices(started);
    }
    String summary = summary((System.nanoTime() - begin) / 1e9);
    out.print(summary);
    out.flush();
    state.markReady(summary);
  }

  private LocalStack startStack() {
    LocalStack started = LocalStack.start(env.settings());
    synchronized (this) {
      stack = started;
      if (stopping) {
        started.close();
        throw new StackException("Stopped while starting.");
      }
    }
    return started;
  }

  private void startService(ServiceSpec spec, Map<String, String> serviceEnv) {
    out.println("Starting " + spec.name() + " (" + spec.source() + ")");
    spec.health().ifPresent(url -> checkPortFree(spec, url));
    Path log = env.settings().logsDir().resolve(spec.name() + ".log");
    long offset = LogFiles.size(log);
    Process process;
    synchronized (this) {
      process =
          ChildProcesses.spawn(
              spec.command(),
              serviceEnv,
              env.home(),
              log,
              env.settings().runDir().resolve(spec.name() + ".pid"));
      services.add(new Running(spec, process));
    }
    long deadline = System.nanoTime() + spec.healthTimeout().toNanos();
    String problem = "not checked yet";
    while (System.nanoTime() < deadline && !stopping) {
      if (!process.isAlive()) {
        throw new StackException(
            spec.name()
                + " exited while starting (exit code "
                + process.exitValue()
                + "). Last"
                + " lines of "
                + log
                + ":\n"
                + LogFiles.tail(log, offset, 20));
      }
      problem = spec.health().map(HealthChecks::http).orElse(null);
      if (problem == null) {
        out.println("  " + spec.name() + " healthy");
        watch(spec, process, log);
        return;
      }
      sleep();
    }
    throw new StackException(
        spec.name()
            + " did not become healthy within "
            + spec.healthTimeout().toSeconds()
            + " s ("
            + spec.health().orElse("")
            + ": "
            + problem
            + "). Last lines of "
            + log
            + ":\n"
            + LogFiles.tail(log, offset, 20));
  }

  /** A service whose health port already answers would be mistaken for healthy: refuse. */
  private static void checkPortFree(ServiceSpec spec, String healthUrl) {
    URI uri = URI.create(healthUrl);
    int port = uri.getPort() > 0 ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(uri.getHost(), port), 500);
    } catch (IOException e) {
      return; // nothing listens: free
    }
    throw new StackException(
        "Port "
            + port
            + " (for "
            + spec.name()
            + ", "
            + healthUrl
            + ") is already in use, before "
            + spec.name()
            + " started.\nStop the program using it (`ss -ltnp 'sport = :"
            + port
            + "'` shows which; `./studio down` if it is an earlier stack), or change the port"
            + " in "
            + spec.source()
            + ".");
  }

  private void watch(ServiceSpec spec, Process process, Path log) {
    process
        .onExit()
        .thenAccept(
            p -> {
              if (!stopping) {
                out.println(
                    "WARNING: " + spec.name() + " exited (code " + p.exitValue() + "); see " + log);
              }
            });
  }

  private String summary(double seconds) {
    StackEndpoints e = stack.endpoints();
    StringBuilder text = new StringBuilder();
    text.append(String.format("%nAegntic Creator Studio is up (%.1f s):%n", seconds));
    line(text, "kafka", e.kafkaBootstrap());
    line(text, "postgres", e.postgresJdbcUrl() + "  (user " + e.postgresUser() + ")");
    line(text, "influxdb", e.influxUrl() + "  (database " + e.influxDatabase() + ")");
    for (Running r : services) {
      line(text, r.spec().name(), r.spec().address().orElse("(running)"));
    }
    text.append("Logs: ").append(env.settings().logsDir()).append("   (./studio logs [part])\n");
    return text.toString();
  }

  private static void line(StringBuilder text, String name, String address) {
    text.append(String.format("  %-14s %s%n", name, address));
  }

  /** Stops the services (newest first), then the stack; clears the state files. */
  void stop() {
    List<Running> toStop;
    LocalStack toClose;
    synchronized (this) {
      stopping = true;
      toStop = new ArrayList<>(services);
      toClose = stack;
    }
    for (int i = toStop.size() - 1; i >= 0; i--) {
      Running r = toStop.get(i);
      ChildProcesses.stop(r.process().toHandle(), "TERM", Duration.ofSeconds(30));
      deleteQuietly(env.settings().runDir().resolve(r.spec().name() + ".pid"));
    }
    if (toClose != null) {
      toClose.close();
    }
    // Stopped while the stack was still starting: its children are only in the pid files.
    ChildProcesses.stopRecorded(env.settings().runDir(), Duration.ofSeconds(20));
    state.clear();
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StackException("Interrupted while starting services");
    }
  }
}
