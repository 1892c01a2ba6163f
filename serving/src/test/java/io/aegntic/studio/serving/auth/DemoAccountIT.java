package io.aegntic.studio.serving.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.aegntic.studio.serving.ServingItSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class DemoAccountIT extends ServingItSupport {

  @Test
  void demoCredentialsAreWrittenPrivatelyAndLogIn() throws Exception {
    Path file = DATA_DIR.resolve(DemoAccount.FILE);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    Properties credentials = new Properties();
    try (var in = Files.newBufferedReader(file)) {
      credentials.load(in);
    }
    assertThat(credentials.getProperty("email")).isEqualTo("demo@studio.local");
    client
        .post()
        .uri("/api/auth/login")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            Map.of("email", "demo@studio.local", "password", credentials.getProperty("password")))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.user.creators[0].id")
        .isEqualTo("creator-demo-1")
        .jsonPath("$.user.creators[1].id")
        .isEqualTo("creator-demo-2")
        .jsonPath("$.user.creators[2].id")
        .isEqualTo("creator-demo-3");
  }
}
