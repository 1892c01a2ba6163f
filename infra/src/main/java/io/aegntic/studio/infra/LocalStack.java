package io.aegntic.studio.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The local stack: a real Kafka broker, PostgreSQL and InfluxDB as child processes of this JVM, all
 * data in one folder, each health-checked before {@link #start} returns. Closing it (or this JVM
 * ending in any way) stops them all. One stack per data folder at a time (a file lock guards it).
 */
public final class LocalStack implements RunningStack {

  private final StackSettings settings;
  private final KafkaBroker kafka;
  private final PostgresServer postgres;
  private final InfluxServer influx;
  private final FileChannel lockChannel;
  private final Map<String, Duration> startupTimes = new ConcurrentSkipListMap<>();
  private FileLock lock;

  private LocalStack(StackSettings settings) {
    this.settings = settings;
    this.kafka = new KafkaBroker(settings);
    this.postgres = new PostgresServer(settings);
    this.influx = new InfluxServer(settings);
    this.lockChannel = openLockFile(settings);
    try {
      lock = lockChannel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (lock == null) {
      closeQuietly(lockChannel);
      throw new StackException(
          "A stack is already running on the data folder "
              + settings.dataDir()
              + ". Use it, or stop it first: ./studio down");
    }
  }

  private static FileChannel openLockFile(StackSettings settings) {
    try {
      Files.createDirectories(settings.runDir());
      return FileChannel.open(
          settings.runDir().resolve("stack.lock"),
          StandardOpenOption.CREATE,
          StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // Nothing held: the lock was never taken.
    }
  }

  /** Starts Kafka, PostgreSQL and InfluxDB; throws {@link StackException} saying what to fix. */
  public static LocalStack start(StackSettings settings) {
    LocalStack stack = new LocalStack(settings);
    try {
      stack.startAll();
      return stack;
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  private List<ServerProcess> servers() {
    return List.of(kafka, postgres, influx);
  }

  private void startAll() {
    for (ServerProcess server : servers()) {
      ChildProcesses.recorded(server.pidFile())
          .ifPresent(p -> ChildProcesses.stop(p, server.stopSignal(), Duration.ofSeconds(20)));
    }
    checkPort(settings.kafkaPort(), "the Kafka broker", "STUDIO_KAFKA_PORT");
    checkPort(
        settings.kafkaControllerPort(), "the Kafka controller", "STUDIO_KAFKA_CONTROLLER_PORT");
    checkPort(settings.postgresPort(), "PostgreSQL", "STUDIO_PG_PORT");
    checkPort(settings.influxPort(), "InfluxDB's HTTP API", "STUDIO_INFLUX_PORT");
    checkPort(settings.influxRpcPort(), "InfluxDB's backup/RPC service", "STUDIO_INFLUX_RPC_PORT");
    for (ServerProcess server : servers()) {
      server.preflight();
    }
    List<CompletableFuture<Void>> starts = new ArrayList<>();
    for (ServerProcess server : servers()) {
      Runnable timed =
          () -> {
            long begin = System.nanoTime();
            server.start();
            startupTimes.put(server.part(), Duration.ofNanos(System.nanoTime() - begin));
          };
      starts.add(CompletableFuture.runAsync(timed, runnable -> newThread(runnable, server)));
    }
    RuntimeException failure = null;
    for (CompletableFuture<Void> start : starts) {
      try {
        start.join();
      } catch (CompletionException e) {
        RuntimeException cause =
            e.getCause() instanceof RuntimeException r ? r : new StackException(e.getMessage(), e);
        if (failure == null || !(failure instanceof StackException)) {
          failure = cause;
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static void newThread(Runnable runnable, ServerProcess server) {
    Thread thread = new Thread(runnable, "studio-start-" + server.part());
    thread.setDaemon(true);
    thread.start();
  }

  /** Fails with a clear message when {@code port} is taken. */
  static void checkPort(int port, String user, String setting) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new java.net.InetSocketAddress(InetAddress.getByName(StackSettings.HOST), port));
    } catch (IOException e) {
      throw new StackException(
          "Port "
              + port
              + " (for "
              + user
              + ") is already in use on "
              + StackSettings.HOST
              + ".\nStop the program using it (`ss -ltnp 'sport = :"
              + port
              + "'` shows which; `./studio down` if it is an earlier stack),"
              + " or choose another port: "
              + setting
              + "=<free port> ./studio up");
    }
  }

  /** How long each server took to start and become healthy, by part name. */
  public Map<String, Duration> startupTimes() {
    return new TreeMap<>(startupTimes);
  }

  public StackSettings settings() {
    return settings;
  }

  @Override
  public StackEndpoints endpoints() {
    return new StackEndpoints(
        settings.kafkaBootstrap(),
        StackSettings.HOST,
        settings.postgresPort(),
        PostgresServer.DATABASE,
        PostgresServer.USER,
        postgres.password(),
        settings.influxUrl(),
        InfluxServer.DATABASE);
  }

  @Override
  public synchronized void stopKafka() {
    kafka.stop();
  }

  @Override
  public synchronized void startKafka() {
    if (!kafka.isRunning()) {
      kafka.start();
    }
  }

  @Override
  public String createDatabase(String prefix) {
    return postgres.admin().createDatabase(prefix, PostgresServer.USER);
  }

  /** Stops every server (in parallel) and releases the data folder. Safe to call twice. */
  @Override
  public synchronized void close() {
    List<Thread> stops = new ArrayList<>();
    for (ServerProcess server : servers()) {
      Thread thread = new Thread(server::stop, "studio-stop-" + server.part());
      thread.start();
      stops.add(thread);
    }
    for (Thread thread : stops) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      if (lock != null && lock.isValid()) {
        lock.release();
      }
      lockChannel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
