package io.aegntic.studio.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * InfluxDB 1.x: the system's {@code influxd} (Debian package {@code influxdb}) run with a config of
 * our own: 127.0.0.1 only, the stack's ports, reporting and self-monitoring off, every file under
 * the data folder.
 */
final class InfluxServer extends ServerProcess {

  static final String DATABASE = "studio";

  InfluxServer(StackSettings settings) {
    super("influxdb", "InfluxDB", settings);
  }

  private Path home() {
    return settings.dataDir().resolve("influxdb");
  }

  @Override
  Path dataFolder() {
    return home();
  }

  /** Fails with install advice when {@code influxd} is not where the settings say. */
  static void checkInstalled(StackSettings settings) {
    Path influxd = settings.influxd();
    if (!Files.isRegularFile(influxd) || !Files.isExecutable(influxd)) {
      throw new StackException(
          "InfluxDB's server `influxd` was not found at "
              + influxd
              + ".\nInstall it (Debian/Ubuntu): sudo apt-get install influxdb"
              + "\n(or point STUDIO_INFLUXD at an influxd 1.x binary).");
    }
  }

  @Override
  void preflight() {
    checkInstalled(settings);
    Path meta = home().resolve("meta");
    if (Files.isDirectory(meta)
        && !isEmptyDir(meta)
        && !Files.isRegularFile(meta.resolve("meta.db"))) {
      throw damaged(meta.resolve("meta.db") + " is missing");
    }
  }

  @Override
  void start() {
    preflight();
    Path config = home().resolve("influxdb.conf");
    try {
      Files.createDirectories(home());
      Files.writeString(config, config());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    launch(List.of(settings.influxd().toString(), "-config", config.toString()), Map.of());
    awaitHealthy(Duration.ofSeconds(60), () -> InfluxSetup.ping(settings.influxUrl()));
    InfluxSetup.createDatabase(settings.influxUrl(), DATABASE);
  }

  private String config() {
    String home = home().toString();
    return """
        # Written by the studio stack on every start; edit StackSettings, not this file.
        reporting-disabled = true
        bind-address = "%s:%d"

        [meta]
          dir = "%s/meta"
          retention-autocreate = false
          logging-enabled = false

        [data]
          dir = "%s/data"
          wal-dir = "%s/wal"
          query-log-enabled = false
          cache-max-memory-size = 268435456

        [monitor]
          store-enabled = false

        [subscriber]
          enabled = false

        [http]
          enabled = true
          bind-address = "%s:%d"
          auth-enabled = false
          log-enabled = false
          pprof-enabled = false

        [logging]
          level = "warn"
          suppress-logo = true

        [continuous_queries]
          log-enabled = false
        """
        .formatted(
            StackSettings.HOST,
            settings.influxRpcPort(),
            home,
            home,
            home,
            StackSettings.HOST,
            settings.influxPort());
  }
}
