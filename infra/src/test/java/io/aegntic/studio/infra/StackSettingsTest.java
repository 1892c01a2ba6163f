package io.aegntic.studio.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackSettingsTest {

  @Test
  void defaultsComeFromTheBriefAndEnvironmentOverridesThem() {
    StackSettings defaults = StackSettings.fromEnvironment(Map.of(), Path.of("/repo"));
    assertThat(defaults.dataDir()).isEqualTo(Path.of("/repo/.studio"));
    assertThat(defaults.kafkaBootstrap()).isEqualTo("127.0.0.1:19092");
    assertThat(defaults.postgresPort()).isEqualTo(15432);
    assertThat(defaults.influxUrl()).isEqualTo("http://127.0.0.1:18086");

    StackSettings custom =
        StackSettings.fromEnvironment(
            Map.of(
                "STUDIO_DATA_DIR",
                "/data",
                "STUDIO_KAFKA_PORT",
                "29092",
                "STUDIO_INFLUXD",
                "/opt/influxd"),
            Path.of("/repo"));
    assertThat(custom.dataDir()).isEqualTo(Path.of("/data"));
    assertThat(custom.kafkaPort()).isEqualTo(29092);
    assertThat(custom.influxd()).isEqualTo(Path.of("/opt/influxd"));
  }

  @Test
  void aBadPortIsNamed() {
    assertThatThrownBy(
            () -> StackSettings.fromEnvironment(Map.of("STUDIO_PG_PORT", "lots"), Path.of("/r")))
        .isInstanceOf(StackException.class)
        .hasMessageContaining("STUDIO_PG_PORT=lots is not a port number");
  }

  @Test
  void endpointsBuildUrlsAndHideThePassword() {
    StackEndpoints e =
        new StackEndpoints(
            "127.0.0.1:1", "127.0.0.1", 5432, "studio", "u", "secret-pw", "http://i", "studio");
    assertThat(e.postgresJdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/studio");
    assertThat(e.postgresR2dbcUrl()).isEqualTo("r2dbc:postgresql://127.0.0.1:5432/studio");
    assertThat(e.withPostgresDatabase("other").postgresJdbcUrl()).endsWith("/other");
    assertThat(e.toString()).doesNotContain("secret-pw");
    assertThat(e.asEnvironment()).containsEntry("STUDIO_PG_PASSWORD", "secret-pw");
  }
}
