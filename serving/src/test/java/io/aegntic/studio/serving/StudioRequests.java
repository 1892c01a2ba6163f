package io.aegntic.studio.serving;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Test helper shared by the ITs: requests to a running serving (register, read the answer). */
public final class StudioRequests {
  /** The password of every user {@link #register} creates. */
  public static final String PASSWORD = "correct horse battery";

  private StudioRequests() {}

  /** A client for the serving at {@code baseUrl}. */
  public static WebTestClient client(String baseUrl) {
    return WebTestClient.bindToServer()
        .baseUrl(baseUrl)
        .responseTimeout(Duration.ofSeconds(30))
        .build();
  }

  /** Registers a fresh user (password {@link #PASSWORD}) and returns its tokens response. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> register(WebTestClient client) {
    String email = "u" + UUID.randomUUID().toString().substring(0, 12) + "@example.test";
    return client
        .post()
        .uri("/api/auth/register")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("email", email, "password", PASSWORD, "displayName", "T"))
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody();
  }

  public static String accessToken(Map<String, Object> tokens) {
    return (String) tokens.get("accessToken");
  }

  @SuppressWarnings("unchecked")
  public static String email(Map<String, Object> tokens) {
    return (String) ((Map<String, Object>) tokens.get("user")).get("email");
  }

  /** The user's primary (first) creator id. */
  @SuppressWarnings("unchecked")
  public static String creatorOf(Map<String, Object> tokens) {
    Map<String, Object> user = (Map<String, Object>) tokens.get("user");
    var creators = (List<Map<String, Object>>) user.get("creators");
    return (String) creators.get(0).get("id");
  }
}
