package io.aegntic.studio.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the broker child process is started from: its classpath, server.properties, log4j2. */
final class KafkaFiles {

  private KafkaFiles() {}

  static String serverProperties(StackSettings settings, int nodeId, Path logDirs) {
    int port = settings.kafkaPort();
    int controller = settings.kafkaControllerPort();
    String host = StackSettings.HOST;
    return String.join(
        "\n",
        "# Written by the studio stack on every start; edit StackSettings, not this file.",
        "process.roles=broker,controller",
        "node.id=" + nodeId,
        "controller.quorum.voters=" + nodeId + "@" + host + ":" + controller,
        "listeners=PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controller,
        "advertised.listeners=PLAINTEXT://" + host + ":" + port,
        "controller.listener.names=CONTROLLER",
        "inter.broker.listener.name=PLAINTEXT",
        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
        "log.dirs=" + logDirs,
        "num.partitions=1",
        "default.replication.factor=1",
        "min.insync.replicas=1",
        "offsets.topic.replication.factor=1",
        "offsets.topic.num.partitions=10",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1",
        "transaction.state.log.num.partitions=10",
        "share.coordinator.state.topic.replication.factor=1",
        "share.coordinator.state.topic.min.isr=1",
        "group.initial.rebalance.delay.ms=0",
        "num.network.threads=2",
        "num.io.threads=4",
        "background.threads=4",
        "num.recovery.threads.per.data.dir=1",
        "num.replica.fetchers=1",
        "log.cleaner.threads=1",
        "log.cleaner.dedupe.buffer.size=16777216",
        "log.cleaner.min.compaction.lag.ms=0",
        "auto.create.topics.enable=true",
        "delete.topic.enable=true",
        "");
  }

  static String log4jConfig() {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <Configuration status="WARN">
          <Appenders>
            <Console name="out" target="SYSTEM_OUT">
              <PatternLayout pattern="%d{ISO8601} %-5p [%c{1}] %m%n"/>
            </Console>
          </Appenders>
          <Loggers>
            <Logger name="kafka.server.KafkaRaftServer" level="INFO"/>
            <Logger name="kafka.server.BrokerServer" level="INFO"/>
            <Root level="WARN"><AppenderRef ref="out"/></Root>
          </Loggers>
        </Configuration>
        """;
  }

  /** The broker's jars, written into infra's classes by the build (see infra/pom.xml). */
  static List<String> classpath() {
    String text;
    try (InputStream in = KafkaFiles.class.getResourceAsStream("kafka.classpath")) {
      if (in == null) {
        throw new StackException(
            "infra was built without its Kafka classpath (kafka.classpath). Rebuild it: "
                + "mvn -B -q -pl infra install -DskipTests");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> jars = List.of(text.split(":"));
    for (String jar : jars) {
      if (!Files.isRegularFile(Path.of(jar))) {
        throw new StackException(
            "The Kafka broker's jar "
                + jar
                + " is missing from the Maven repository. Download it again: "
                + "mvn -B -q -pl infra install -DskipTests");
      }
    }
    return jars;
  }
}
