package io.aegntic.studio.infra.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aegntic.studio.infra.ChildProcesses;
import io.aegntic.studio.infra.StackSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the launcher as a user would (its own JVM, a checkout with one service file) and checks that
 * up starts the stack and the service, status reports it, and neither down nor a killed launcher
 * leaves any process behind.
 */
class LauncherIT {

  private Path home;
  private Map<String, String> env;

  @BeforeEach
  void checkout() throws IOException {
    home =
        Path.of(
            System.getProperty("java.io.tmpdir"),
            "launcher-" + UUID.randomUUID().toString().substring(0, 8));
    Files.createDirectories(home.resolve("tiny"));
    Files.writeString(
        home.resolve("tiny/studio-service.properties"),
        String.join(
            "\n",
            "name=tiny",
            "order=50",
            "command=${TEST_JAVA} -Xmx32m -cp '${TEST_CLASSPATH}' "
                + TinyService.class.getName()
                + " ${TINY_PORT}",
            "health=http://127.0.0.1:${TINY_PORT}/health",
            "address=http://127.0.0.1:${TINY_PORT}/"));
    Files.createDirectories(home.resolve("unbuilt"));
    Files.writeString(
        home.resolve("unbuilt/studio-service-later.properties"),
        "name=later\norder=60\ncommand=java -jar ${STUDIO_HOME}/unbuilt/target/later.jar\n");
    env = new HashMap<>();
    env.put("STUDIO_HOME", home.toString());
    env.put("STUDIO_DATA_DIR", home.resolve(".studio").toString());
    env.put("STUDIO_KAFKA_PORT", Integer.toString(StackSettings.freePort()));
    env.put("STUDIO_KAFKA_CONTROLLER_PORT", Integer.toString(StackSettings.freePort()));
    env.put("STUDIO_PG_PORT", Integer.toString(StackSettings.freePort()));
    env.put("STUDIO_INFLUX_PORT", Integer.toString(StackSettings.freePort()));
    env.put("STUDIO_INFLUX_RPC_PORT", Integer.toString(StackSettings.freePort()));
    env.put("TINY_PORT", Integer.toString(StackSettings.freePort()));
    env.put("STUDIO_KAFKA_JVM_OPTS", String.join(" ", StackSettings.TEST_KAFKA_JVM_OPTIONS));
    env.put("STUDIO_KAFKA_HEAP", "384m");
    env.put("TEST_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    env.put("TEST_CLASSPATH", System.getProperty("java.class.path"));
  }

  @AfterEach
  void cleanUp() throws Exception {
    cli("down");
    for (ProcessHandle p : ours()) {
      p.destroyForcibly();
    }
  }

  @Test
  void upStatusDownAndAKilledLauncherLeaveNoProcessBehind() throws Exception {
    Result up = cli("up", "--detach", "--no-demo");
    assertThat(up.code()).as(up.output()).isZero();
    assertThat(up.output())
        .contains("Stack healthy in")
        .contains("Skipping later")
        .contains("tiny healthy")
        .contains("http://127.0.0.1:" + env.get("TINY_PORT") + "/");
    Path secrets = home.resolve(".studio/secrets.env");
    assertThat(Files.readString(secrets)).contains("STUDIO_JWT_SECRET=", "STUDIO_TOKEN_KEY=");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets)))
        .isEqualTo("rw-------");

    Result status = cli("status");
    assertThat(status.code()).as(status.output()).isZero();
    assertThat(status.output()).containsPattern("tiny\\s+healthy");

    List<ProcessHandle> first = ours();
    assertThat(first).hasSizeGreaterThanOrEqualTo(5); // supervisor, 3 servers, tiny (+ PG workers)
    ProcessHandle supervisor = supervisor().orElseThrow();
    supervisor.destroyForcibly(); // kill -9: its children must die with it
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> first.stream().noneMatch(ProcessHandle::isAlive));

    Result again = cli("up", "--detach", "--no-demo");
    assertThat(again.code()).as(again.output()).isZero();
    List<ProcessHandle> second = ours();
    assertThat(second).isNotEmpty();

    Result down = cli("down");
    assertThat(down.code()).isZero();
    assertThat(down.output()).contains("Stopped.");
    assertThat(second).noneMatch(ProcessHandle::isAlive);
    assertThat(cli("status").code()).isEqualTo(1);
  }

  @Test
  void upWithAPortInUseSaysSoWithoutAStackTrace() throws Exception {
    int port = Integer.parseInt(env.get("STUDIO_PG_PORT"));
    try (ServerSocket squatter = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
      Result up = cli("up", "--detach");
      assertThat(up.code()).isEqualTo(1);
      assertThat(up.output())
          .contains("Port " + port + " (for PostgreSQL) is already in use")
          .contains("STUDIO_PG_PORT=")
          .doesNotContain("Exception")
          .doesNotContain("\tat ");
    }
    assertThat(ours()).isEmpty();
  }

  private java.util.Optional<ProcessHandle> supervisor() {
    return ChildProcesses.recorded(home.resolve(".studio/state/studio.pid"));
  }

  /** The launcher and every child it recorded, with their descendants, that are alive now. */
  private List<ProcessHandle> ours() throws IOException {
    List<ProcessHandle> all = new ArrayList<>();
    supervisor().ifPresent(all::add);
    Path run = home.resolve(".studio/run");
    if (Files.isDirectory(run)) {
      try (Stream<Path> files = Files.list(run)) {
        files
            .filter(f -> f.toString().endsWith(".pid"))
            .forEach(f -> ChildProcesses.recorded(f).ifPresent(all::add));
      }
    }
    List<ProcessHandle> withChildren = new ArrayList<>(all);
    all.forEach(p -> p.descendants().forEach(withChildren::add));
    return withChildren.stream().filter(ProcessHandle::isAlive).distinct().toList();
  }

  private record Result(int code, String output) {}

  private Result cli(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(env.get("TEST_JAVA"));
    command.addAll(
        List.of("-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp", env.get("TEST_CLASSPATH")));
    command.add(StudioCli.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    Path out = Files.createTempFile(home, "cli", ".out");
    builder.redirectOutput(out.toFile());
    Process process = builder.start();
    if (!process.waitFor(240, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(
          "studio " + String.join(" ", args) + " did not finish: " + Files.readString(out));
    }
    return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
  }
}
