package io.aegntic.studio.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A stack that cannot start says what is wrong and what to do, and leaves nothing running. */
class StackErrorsIT {

  @Test
  void portInUseNamesThePortThePartAndTheSetting() throws Exception {
    StackSettings settings = StackSettings.forTests(StackDirs.fresh("port"));
    try (ServerSocket squatter =
        new ServerSocket(settings.kafkaPort(), 1, InetAddress.getByName(StackSettings.HOST))) {
      assertThatThrownBy(() -> LocalStack.start(settings))
          .isInstanceOf(StackException.class)
          .hasMessageContaining("Port " + settings.kafkaPort() + " (for the Kafka broker)")
          .hasMessageContaining("already in use")
          .hasMessageContaining("STUDIO_KAFKA_PORT=");
    }
    assertNothingRunning(settings);
  }

  @Test
  void missingInfluxdSaysHowToInstallIt() throws Exception {
    Path dir = StackDirs.fresh("influxd");
    StackSettings settings =
        StackSettings.forTests(dir).withInfluxd(dir.resolve("no-such-dir/influxd"));
    assertThatThrownBy(() -> LocalStack.start(settings))
        .isInstanceOf(StackException.class)
        .hasMessageContaining("`influxd` was not found at " + dir.resolve("no-such-dir/influxd"))
        .hasMessageContaining("apt-get install influxdb");
    assertNothingRunning(settings);
  }

  @Test
  void damagedKafkaMetaPropertiesNamesTheFolderAndTheFix() throws Exception {
    Path dir = StackDirs.fresh("damaged-kafka");
    Files.createDirectories(dir.resolve("kafka/data/__cluster_metadata-0"));
    Files.writeString(dir.resolve("kafka/data/meta.properties"), "\u0000garbage\u0001=\n");
    StackSettings settings = StackSettings.forTests(dir);
    assertThatThrownBy(() -> LocalStack.start(settings))
        .isInstanceOf(StackException.class)
        .hasMessageContaining("Kafka broker data folder " + dir.resolve("kafka") + " is damaged")
        .hasMessageContaining("meta.properties")
        .hasMessageContaining("./studio down && rm -rf " + dir.resolve("kafka"))
        .hasMessageContaining("./studio reset");
    assertNothingRunning(settings);
  }

  @Test
  void damagedPostgresDataFolderNamesTheFolderAndTheFix() throws Exception {
    Path dir = StackDirs.fresh("damaged-pg");
    Files.createDirectories(dir.resolve("postgres/data/base"));
    StackSettings settings = StackSettings.forTests(dir);
    assertThatThrownBy(() -> LocalStack.start(settings))
        .isInstanceOf(StackException.class)
        .hasMessageContaining("PostgreSQL data folder " + dir.resolve("postgres") + " is damaged")
        .hasMessageContaining("PG_VERSION")
        .hasMessageContaining("./studio down && rm -rf " + dir.resolve("postgres"));
    assertNothingRunning(settings);
  }

  private static void assertNothingRunning(StackSettings settings) throws Exception {
    for (String part : new String[] {"kafka", "postgres", "influxdb"}) {
      assertThat(ChildProcesses.recorded(settings.runDir().resolve(part + ".pid"))).isEmpty();
    }
    assertThat(Files.exists(settings.runDir().resolve("stack.lock"))).isTrue();
    // The folder is free again: the lock was released.
    try (var channel =
            java.nio.channels.FileChannel.open(
                settings.runDir().resolve("stack.lock"), java.nio.file.StandardOpenOption.WRITE);
        var lock = channel.tryLock()) {
      assertThat(lock).isNotNull();
    }
  }
}
