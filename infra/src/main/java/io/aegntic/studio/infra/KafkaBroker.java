package io.aegntic.studio.infra;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;

/**
 * A single-node KRaft Kafka broker (broker and controller in one) run as a child JVM from the
 * {@code kafka_2.13} jars, tuned small for a 2-core machine. Its storage is formatted on first
 * start; the catalogue topics are created once it is healthy.
 */
final class KafkaBroker extends ServerProcess {

  private static final int NODE_ID = 1;

  private ClassDataCache classData;

  KafkaBroker(StackSettings settings) {
    super("kafka", "Kafka broker", settings);
  }

  private Path home() {
    return settings.dataDir().resolve("kafka");
  }

  @Override
  Path dataFolder() {
    return home();
  }

  private Path logDirs() {
    return home().resolve("data");
  }

  @Override
  void preflight() {
    KafkaFiles.classpath();
    needsFormat();
  }

  @Override
  void start() {
    List<String> classpath = KafkaFiles.classpath();
    classData = new ClassDataCache(classpath);
    try {
      Files.createDirectories(home().resolve("tmp"));
      Files.writeString(
          home().resolve("server.properties"),
          KafkaFiles.serverProperties(settings, NODE_ID, logDirs()));
      Files.writeString(home().resolve("log4j2.xml"), KafkaFiles.log4jConfig());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (needsFormat()) {
      format(classpath);
    }
    launch(
        java(
            classpath,
            classData.jvmOptions(true),
            "kafka.Kafka",
            home().resolve("server.properties").toString()),
        Map.of());
    awaitHealthy(Duration.ofSeconds(90), this::healthy);
    KafkaTopics.createAll(settings.kafkaBootstrap());
  }

  private boolean needsFormat() {
    if (isEmptyDir(logDirs())) {
      return true;
    }
    Path meta = logDirs().resolve("meta.properties");
    if (!Files.isRegularFile(meta)) {
      throw damaged(meta + " is missing");
    }
    Properties props = new Properties();
    try (Reader reader = Files.newBufferedReader(meta, StandardCharsets.ISO_8859_1)) {
      props.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      throw damaged(meta + " cannot be read (" + e.getMessage() + ")");
    }
    String clusterId = props.getProperty("cluster.id", "");
    if (clusterId.isBlank() || !Integer.toString(NODE_ID).equals(props.getProperty("node.id"))) {
      throw damaged(meta + " has no valid cluster.id/node.id");
    }
    return false;
  }

  private void format(List<String> classpath) {
    List<String> command =
        java(
            classpath,
            classData.jvmOptions(false),
            "kafka.tools.StorageTool",
            "format",
            "--cluster-id",
            Uuid.randomUuid().toString(),
            "--config",
            home().resolve("server.properties").toString(),
            "--ignore-formatted");
    Process format = launch(command, Map.of());
    try {
      if (!format.waitFor(120, TimeUnit.SECONDS)) {
        format.destroyForcibly();
        throw new StackException("Formatting Kafka storage in " + logDirs() + " timed out.");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StackException("Interrupted while formatting Kafka storage", e);
    }
    if (format.exitValue() != 0) {
      throw new StackException(
          "Formatting Kafka storage in " + logDirs() + " failed:\n" + logTail(10));
    }
  }

  private boolean healthy() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(StackSettings.HOST, settings.kafkaPort()), 500);
    } catch (IOException e) {
      return false;
    }
    try (Admin admin = Admin.create(KafkaTopics.adminConfig(settings.kafkaBootstrap()))) {
      return !admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).isEmpty();
    } catch (Exception e) {
      return false;
    }
  }

  @Override
  Duration stopGrace() {
    return Duration.ofSeconds(60); // the first broker also writes its class-data archive
  }

  @Override
  void stop() {
    super.stop();
    if (classData != null) {
      classData.brokerExited();
    }
  }

  private List<String> java(
      List<String> classpath, List<String> jvmOptions, String mainClass, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-Xms128m", "-Xmx" + settings.kafkaHeap()));
    command.addAll(settings.kafkaJvmOptions());
    command.addAll(
        List.of(
            "-XX:+ExitOnOutOfMemoryError",
            "-Djava.awt.headless=true",
            "-Dstudio.part=kafka",
            "-Dlog4j2.configurationFile=" + home().resolve("log4j2.xml"),
            "-Djava.io.tmpdir=" + home().resolve("tmp"),
            "-cp",
            String.join(":", classpath),
            mainClass));
    command.addAll(List.of(args));
    return command;
  }
}
