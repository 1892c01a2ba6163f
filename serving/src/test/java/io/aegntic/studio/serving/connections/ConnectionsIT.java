package io.aegntic.studio.serving.connections;

import static org.assertj.core.api.Assertions.assertThat;

import io.aegntic.studio.serving.ServingItSupport;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;

class ConnectionsIT extends ServingItSupport {
  @Autowired DatabaseClient db;
  @Autowired ConnectionStore store;

  @Test
  @SuppressWarnings("unchecked")
  void tokensAreEncryptedAtRestAndNeverReturned() {
    Map<String, Object> user = register();
    String token = accessToken(user);
    String secret = "platform-secret-" + UUID.randomUUID();
    Map<String, Object> created =
        client
            .post()
            .uri("/api/connections")
            .header("Authorization", "Bearer " + token)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(
                Map.of(
                    "platform",
                    "youtube",
                    "accountHandle",
                    "@me",
                    "accessToken",
                    secret,
                    "refreshToken",
                    "refresh-" + secret,
                    "scopes",
                    "read"))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    assertThat(created)
        .doesNotContainKeys("accessToken", "refreshToken")
        .containsEntry("hasRefreshToken", true);
    String id = (String) created.get("id");

    byte[] stored =
        db.sql("SELECT access_token FROM platform_connections WHERE id = :id")
            .bind("id", UUID.fromString(id))
            .map(r -> r.get(0, byte[].class))
            .one()
            .block();
    assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(secret);
    assertThat(store.accessToken(creatorOf(user), UUID.fromString(id)).block()).isEqualTo(secret);

    client
        .post()
        .uri("/api/connections")
        .header("Authorization", "Bearer " + token)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("platform", "youtube", "accountHandle", "@me", "accessToken", "x"))
        .exchange()
        .expectStatus()
        .isEqualTo(409);

    client
        .patch()
        .uri("/api/connections/" + id)
        .header("Authorization", "Bearer " + token)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("accessToken", "rotated", "status", "paused"))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("paused");
    assertThat(store.accessToken(creatorOf(user), UUID.fromString(id)).block())
        .isEqualTo("rotated");

    String other = accessToken(register());
    client
        .get()
        .uri("/api/connections/" + id)
        .header("Authorization", "Bearer " + other)
        .exchange()
        .expectStatus()
        .isNotFound();
    client
        .delete()
        .uri("/api/connections/" + id)
        .header("Authorization", "Bearer " + other)
        .exchange()
        .expectStatus()
        .isNotFound();
    client
        .get()
        .uri("/api/connections")
        .header("Authorization", "Bearer " + token)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.connections.length()")
        .isEqualTo(1);
    client
        .delete()
        .uri("/api/connections/" + id)
        .header("Authorization", "Bearer " + token)
        .exchange()
        .expectStatus()
        .isNoContent();
  }

  @Test
  void invalidConnectionsGet400() {
    String token = accessToken(register());
    client
        .post()
        .uri("/api/connections")
        .header("Authorization", "Bearer " + token)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("platform", "friendster", "accountHandle", "", "accessToken", ""))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.fields.platform")
        .exists()
        .jsonPath("$.fields.accessToken")
        .exists();
  }

  @Test
  void aConnectionIngestMarkedNeedsReconnectIsShownSoAndANewTokenReactivatesIt() {
    Map<String, Object> user = register();
    String token = accessToken(user);
    String id =
        (String)
            client
                .post()
                .uri("/api/connections")
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                    Map.of("platform", "tiktok", "accountHandle", "act.x", "accessToken", "a"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id");
    // What ingest's pollers write when the platform refuses a refreshed token.
    db.sql("UPDATE platform_connections SET status = 'needs_reconnect' WHERE id = :id")
        .bind("id", UUID.fromString(id))
        .fetch()
        .rowsUpdated()
        .block();
    client
        .get()
        .uri("/api/connections")
        .header("Authorization", "Bearer " + token)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.connections[0].status")
        .isEqualTo("needs_reconnect");
    client
        .patch()
        .uri("/api/connections/" + id)
        .header("Authorization", "Bearer " + token)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("scopes", "read"))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("needs_reconnect");
    client
        .patch()
        .uri("/api/connections/" + id)
        .header("Authorization", "Bearer " + token)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("accessToken", "reconnected"))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("active");
  }
}
