package io.aegntic.studio.infra.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aegntic.studio.infra.StackException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceFilesTest {

  @TempDir Path home;

  private final Map<String, String> env = Map.of("STUDIO_HOME", "/repo", "PORT", "8081");

  @Test
  void parsesEveryKeyAndExpandsVariables() throws Exception {
    Path file =
        write(
            "ingest/studio-service.properties",
            "name=ingest\norder=30\n"
                + "command=java -Xmx512m -jar ${STUDIO_HOME}/ingest/target/ingest.jar --port=${PORT}\n"
                + "health=http://127.0.0.1:${PORT}/actuator/health/readiness\n"
                + "address=http://127.0.0.1:${PORT}\nhealth.timeout=60\n");
    ServiceSpec spec = ServiceFiles.parse(file, env);
    assertThat(spec.name()).isEqualTo("ingest");
    assertThat(spec.order()).isEqualTo(30);
    assertThat(spec.command())
        .containsExactly(
            "java", "-Xmx512m", "-jar", "/repo/ingest/target/ingest.jar", "--port=8081");
    assertThat(spec.health()).contains("http://127.0.0.1:8081/actuator/health/readiness");
    assertThat(spec.address()).contains("http://127.0.0.1:8081");
    assertThat(spec.healthTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(spec.jars()).containsExactly(Path.of("/repo/ingest/target/ingest.jar"));
    assertThat(spec.missingJar()).contains(Path.of("/repo/ingest/target/ingest.jar"));
  }

  @Test
  void defaultsAndExplicitJar() throws Exception {
    Path jar = write("svc/target/svc.jar", "");
    Path file =
        write(
            "svc/studio-service-extra.properties",
            "name=extra\ncommand=./run.sh ${MISSING:-fallback}\njar=" + jar + "\n");
    ServiceSpec spec = ServiceFiles.parse(file, env);
    assertThat(spec.order()).isEqualTo(100);
    assertThat(spec.command()).containsExactly("./run.sh", "fallback");
    assertThat(spec.health()).isEmpty();
    assertThat(spec.missingJar()).isEmpty();
  }

  @Test
  void discoverSortsByOrderThenName() throws Exception {
    write("b/studio-service.properties", "name=bravo\norder=20\ncommand=b\n");
    write("a/studio-service-x.properties", "name=alpha\norder=20\ncommand=a\n");
    write("c/studio-service.properties", "name=charlie\norder=10\ncommand=c\n");
    write("c/other.properties", "name=ignored\ncommand=x\n");
    write(".hidden/studio-service.properties", "name=hidden\ncommand=x\n");
    List<ServiceSpec> specs = ServiceFiles.discover(home, env);
    assertThat(specs).extracting(ServiceSpec::name).containsExactly("charlie", "alpha", "bravo");
  }

  @Test
  void badFilesGetSpecificErrors() throws Exception {
    Path noCommand = write("x/studio-service.properties", "name=x\n");
    assertThatThrownBy(() -> ServiceFiles.parse(noCommand, env))
        .isInstanceOf(StackException.class)
        .hasMessageContaining(noCommand.toString())
        .hasMessageContaining("`command=`");
    Path unknownVar = write("y/studio-service.properties", "name=y\ncommand=run ${NOPE}\n");
    assertThatThrownBy(() -> ServiceFiles.parse(unknownVar, env))
        .hasMessageContaining("${NOPE}, which is not set");
    Path badOrder = write("z/studio-service.properties", "name=z\norder=first\ncommand=run\n");
    assertThatThrownBy(() -> ServiceFiles.parse(badOrder, env))
        .hasMessageContaining("order=first is not a whole number");
    Path badName = write("w/studio-service.properties", "name=Has Space\ncommand=run\n");
    assertThatThrownBy(() -> ServiceFiles.parse(badName, env))
        .hasMessageContaining("must be lower-case");
  }

  @Test
  void commandLineHonoursQuotes() {
    assertThat(CommandLine.split("java -Dx='a b' \"c d\"  e"))
        .containsExactly("java", "-Dx=a b", "c d", "e");
    assertThatThrownBy(() -> CommandLine.split("java 'open")).hasMessageContaining("Unbalanced");
  }

  private Path write(String relative, String content) throws Exception {
    Path file = home.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return file;
  }
}
