package io.aegntic.studio.infra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.aegntic.studio.infra.StackEndpoints;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudioEnvironmentTest {

  @TempDir Path home;

  @Test
  void secretsAreGeneratedOnceIntoAPrivateFile() throws Exception {
    StudioEnvironment env = new StudioEnvironment(home, Map.of());
    Map<String, String> first = env.secrets();
    assertThat(first).containsOnlyKeys(StudioEnvironment.SECRETS.keySet());
    assertThat(Base64.getDecoder().decode(first.get("STUDIO_TOKEN_KEY"))).hasSize(32);
    assertThat(Base64.getDecoder().decode(first.get("STUDIO_JWT_SECRET")).length)
        .isGreaterThanOrEqualTo(32);
    Path file = home.resolve(".studio/secrets.env");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(new StudioEnvironment(home, Map.of()).secrets()).isEqualTo(first);
  }

  @Test
  void environmentOverridesStoredSecretsAndServicesGetEverything() {
    StudioEnvironment env =
        new StudioEnvironment(
            home, Map.of("STUDIO_SECRET_STRIPE", "whsec_from_env", "PATH", "/bin"));
    StackEndpoints endpoints =
        new StackEndpoints(
            "127.0.0.1:1", "127.0.0.1", 2, "studio", "studio", "pw", "http://x", "studio");
    Map<String, String> service = env.serviceEnvironment(endpoints, false);
    assertThat(service)
        .containsEntry("STUDIO_SECRET_STRIPE", "whsec_from_env")
        .containsEntry("STUDIO_KAFKA_BOOTSTRAP", "127.0.0.1:1")
        .containsEntry("STUDIO_PG_PASSWORD", "pw")
        .containsEntry("STUDIO_HOME", home.toAbsolutePath().normalize().toString())
        .containsEntry("STUDIO_DATA_DIR", home.resolve(".studio").toAbsolutePath().toString())
        .containsEntry("STUDIO_DEMO", "false")
        .containsEntry("PATH", "/bin")
        .containsKey("STUDIO_ACTOR_SALT");
    assertThat(env.serviceEnvironment(endpoints, true)).containsEntry("STUDIO_DEMO", "true");
  }
}
