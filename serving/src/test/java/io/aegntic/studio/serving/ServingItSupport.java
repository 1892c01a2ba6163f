package io.aegntic.studio.serving;

import io.aegntic.studio.infra.StackEndpoints;
import io.aegntic.studio.infra.test.StudioStackExtension;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of serving's ITs: one Spring context (identical configuration, so Spring reuses it across
 * test classes) on the shared real stack, with its own PostgreSQL database and random secrets.
 */
@ExtendWith(StudioStackExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ServingItSupport {
  public static final String JWT_SECRET = randomKey();
  public static final String TOKEN_KEY = randomKey();
  public static final Path DATA_DIR =
      Path.of(System.getProperty("java.io.tmpdir"), "serving-it-" + UUID.randomUUID());

  @LocalServerPort protected int port;
  protected WebTestClient client;

  @DynamicPropertySource
  static void stack(DynamicPropertyRegistry registry) {
    StackEndpoints base = StudioStackExtension.endpoints();
    StackEndpoints stack = base.withPostgresDatabase(Databases.name());
    registry.add("spring.r2dbc.url", stack::postgresR2dbcUrl);
    registry.add("spring.r2dbc.username", stack::postgresUser);
    registry.add("spring.r2dbc.password", stack::postgresPassword);
    registry.add("spring.flyway.url", stack::postgresJdbcUrl);
    registry.add("spring.flyway.user", stack::postgresUser);
    registry.add("spring.flyway.password", stack::postgresPassword);
    registry.add("studio.kafka.bootstrap", stack::kafkaBootstrap);
    registry.add("studio.influx.url", stack::influxUrl);
    registry.add("studio.influx.database", stack::influxDatabase);
    registry.add("studio.jwt.secret", () -> JWT_SECRET);
    registry.add("studio.token-key", () -> TOKEN_KEY);
    registry.add("studio.data-dir", DATA_DIR::toString);
    registry.add("studio.stream.heartbeat", () -> "2s");
    // The ITs' webhook receivers listen on 127.0.0.1.
    registry.add("studio.automation.webhook.allow-private-networks", () -> "true");
  }

  /** One database per test JVM, created on first use. */
  static final class Databases {
    private static String name;

    static synchronized String name() {
      if (name == null) {
        name = StudioStackExtension.newDatabase("serving");
      }
      return name;
    }
  }

  @BeforeEach
  void client() {
    client = StudioRequests.client("http://127.0.0.1:" + port);
  }

  /** Registers a fresh user and returns its tokens response. */
  /** POSTs JSON as the token's user, expects {@code status} and returns the JSON body. */
  @SuppressWarnings("unchecked")
  protected Map<String, Object> post(String token, String uri, Object body, int status) {
    return client
        .post()
        .uri(uri)
        .header("Authorization", "Bearer " + token)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange()
        .expectStatus()
        .isEqualTo(status)
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody();
  }

  protected Map<String, Object> register() {
    return StudioRequests.register(client);
  }

  protected static String accessToken(Map<String, Object> tokens) {
    return StudioRequests.accessToken(tokens);
  }

  /** The user's primary (first) creator id. */
  protected static String creatorOf(Map<String, Object> tokens) {
    return StudioRequests.creatorOf(tokens);
  }

  private static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
