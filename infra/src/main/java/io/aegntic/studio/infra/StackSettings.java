package io.aegntic.studio.infra;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How a local stack is laid out: its data folder, the ports of each server and where {@code
 * influxd} is. {@link #fromEnvironment} reads the {@code STUDIO_*} variables the launcher
 * documents; {@link #forTests} picks free ports so test stacks never collide with a running one.
 */
public record StackSettings(
    Path dataDir,
    int kafkaPort,
    int kafkaControllerPort,
    int postgresPort,
    int influxPort,
    int influxRpcPort,
    Path influxd,
    String kafkaHeap,
    List<String> kafkaJvmOptions) {

  /** The address every server binds to: the stack is never reachable from other machines. */
  public static final String HOST = "127.0.0.1";

  public static final int DEFAULT_KAFKA_PORT = 19092;
  public static final int DEFAULT_KAFKA_CONTROLLER_PORT = 19093;
  public static final int DEFAULT_POSTGRES_PORT = 15432;
  public static final int DEFAULT_INFLUX_PORT = 18086;
  public static final int DEFAULT_INFLUX_RPC_PORT = 18088;

  /** The broker's JVM tuning for ./studio up: full JIT for throughput (benchmarks run on it). */
  public static final List<String> DEFAULT_KAFKA_JVM_OPTIONS =
      List.of("-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20");

  /** For test stacks: C1 only and a serial GC start the broker about twice as fast on 2 cores. */
  public static final List<String> TEST_KAFKA_JVM_OPTIONS =
      List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

  public StackSettings {
    dataDir = dataDir.toAbsolutePath().normalize();
    kafkaJvmOptions = List.copyOf(kafkaJvmOptions);
  }

  /**
   * Settings from {@code STUDIO_*} variables, defaulting to {@code <home>/.studio} and fixed ports.
   */
  public static StackSettings fromEnvironment(Map<String, String> env, Path home) {
    String data = env.get("STUDIO_DATA_DIR");
    return new StackSettings(
        data == null || data.isBlank() ? home.resolve(".studio") : Path.of(data),
        port(env, "STUDIO_KAFKA_PORT", DEFAULT_KAFKA_PORT),
        port(env, "STUDIO_KAFKA_CONTROLLER_PORT", DEFAULT_KAFKA_CONTROLLER_PORT),
        port(env, "STUDIO_PG_PORT", DEFAULT_POSTGRES_PORT),
        port(env, "STUDIO_INFLUX_PORT", DEFAULT_INFLUX_PORT),
        port(env, "STUDIO_INFLUX_RPC_PORT", DEFAULT_INFLUX_RPC_PORT),
        influxd(env),
        env.getOrDefault("STUDIO_KAFKA_HEAP", "512m"),
        jvmOptions(env.get("STUDIO_KAFKA_JVM_OPTS"), DEFAULT_KAFKA_JVM_OPTIONS));
  }

  /** Settings for a test stack in {@code dataDir} on free ports chosen now. */
  public static StackSettings forTests(Path dataDir) {
    return new StackSettings(
        dataDir,
        freePort(),
        freePort(),
        freePort(),
        freePort(),
        freePort(),
        influxd(System.getenv()),
        "384m",
        jvmOptions(System.getenv("STUDIO_KAFKA_JVM_OPTS"), TEST_KAFKA_JVM_OPTIONS));
  }

  public StackSettings withInfluxd(Path path) {
    return new StackSettings(
        dataDir,
        kafkaPort,
        kafkaControllerPort,
        postgresPort,
        influxPort,
        influxRpcPort,
        path,
        kafkaHeap,
        kafkaJvmOptions);
  }

  public StackSettings withDataDir(Path dir) {
    return new StackSettings(
        dir,
        kafkaPort,
        kafkaControllerPort,
        postgresPort,
        influxPort,
        influxRpcPort,
        influxd,
        kafkaHeap,
        kafkaJvmOptions);
  }

  public String kafkaBootstrap() {
    return HOST + ":" + kafkaPort;
  }

  public String influxUrl() {
    return "http://" + HOST + ":" + influxPort;
  }

  public Path logsDir() {
    return dataDir.resolve("logs");
  }

  public Path runDir() {
    return dataDir.resolve("run");
  }

  /**
   * A port that was free a moment ago on the stack's address, between 20000 and 28999: below
   * Linux's ephemeral range (32768-60999), so no outgoing connection can take it as its local port
   * before the server binds it (a port the kernel hands out for {@code new ServerSocket(0)} comes
   * from that range, and once a test's PostgreSQL lost its port that way to a client socket), and
   * clear of the launcher's default ports and the benchmarks' (29000 and up).
   */
  public static int freePort() {
    for (int attempt = 0; attempt < 500; attempt++) {
      int port = 20_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(9_000);
      try (ServerSocket socket = new ServerSocket()) {
        socket.bind(new java.net.InetSocketAddress(InetAddress.getByName(HOST), port), 1);
        return port;
      } catch (IOException taken) {
        // in use: try another
      }
    }
    throw new UncheckedIOException(
        new IOException("no free port between 20000 and 28999 on " + HOST + " in 500 tries"));
  }

  private static int port(Map<String, String> env, String name, int fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int port = Integer.parseInt(value.trim());
      if (port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new StackException(name + "=" + value + " is not a port number (1-65535).");
    }
  }

  private static List<String> jvmOptions(String configured, List<String> fallback) {
    return configured == null || configured.isBlank()
        ? fallback
        : List.of(configured.trim().split("\\s+"));
  }

  private static Path influxd(Map<String, String> env) {
    String configured = env.get("STUDIO_INFLUXD");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    String path = env.getOrDefault("PATH", "/usr/bin:/bin");
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, "influxd");
      if (Files.isExecutable(candidate)) {
        return candidate.toAbsolutePath();
      }
    }
    return Path.of("/usr/bin/influxd");
  }
}
