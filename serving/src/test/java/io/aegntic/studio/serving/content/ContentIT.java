package io.aegntic.studio.serving.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.aegntic.studio.serving.ServingItSupport;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class ContentIT extends ServingItSupport {

  private static Map<String, Object> item(String title) {
    return Map.of(
        "title",
        title,
        "body",
        "Hello world #launch",
        "platform",
        "x",
        "type",
        "post",
        "hashtags",
        List.of("launch", "#studio"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void createListGetUpdateDelete() {
    String token = accessToken(register());
    Map<String, Object> created = post(token, "/api/content/items", item("First post"), 201);
    assertThat(created).containsEntry("status", "draft").containsEntry("source", "manual");
    assertThat((List<String>) created.get("hashtags")).containsExactly("launch", "studio");
    String id = (String) created.get("id");

    client
        .get()
        .uri("/api/content/items")
        .header("Authorization", "Bearer " + token)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.items.length()")
        .isEqualTo(1)
        .jsonPath("$.items[0].id")
        .isEqualTo(id);

    Map<String, Object> changed = new java.util.HashMap<>(item("Renamed"));
    changed.put("status", "published");
    client
        .put()
        .uri("/api/content/items/" + id)
        .header("Authorization", "Bearer " + token)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(changed)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.title")
        .isEqualTo("Renamed")
        .jsonPath("$.status")
        .isEqualTo("published");

    client
        .delete()
        .uri("/api/content/items/" + id)
        .header("Authorization", "Bearer " + token)
        .exchange()
        .expectStatus()
        .isNoContent();
    client
        .get()
        .uri("/api/content/items/" + id)
        .header("Authorization", "Bearer " + token)
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  @Test
  @SuppressWarnings("unchecked")
  void anotherCreatorsContentIsNotFound() {
    String alice = accessToken(register());
    String bob = accessToken(register());
    Map<String, Object> created = post(alice, "/api/content/items", item("Alice only"), 201);
    String id = (String) created.get("id");
    String aliceCreator = (String) created.get("creatorId");

    client
        .get()
        .uri("/api/content/items/" + id)
        .header("Authorization", "Bearer " + bob)
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectBody()
        .jsonPath("$.error")
        .isEqualTo("not_found");
    client
        .put()
        .uri("/api/content/items/" + id)
        .header("Authorization", "Bearer " + bob)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(item("Hijacked"))
        .exchange()
        .expectStatus()
        .isNotFound();
    client
        .delete()
        .uri("/api/content/items/" + id)
        .header("Authorization", "Bearer " + bob)
        .exchange()
        .expectStatus()
        .isNotFound();
    client
        .get()
        .uri("/api/content/items")
        .header("Authorization", "Bearer " + bob)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.items.length()")
        .isEqualTo(0);
    // Naming Alice's creator explicitly does not help Bob either.
    Map<String, Object> asAlice = new java.util.HashMap<>(item("Sneaky"));
    asAlice.put("creatorId", aliceCreator);
    client
        .post()
        .uri("/api/content/items")
        .header("Authorization", "Bearer " + bob)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(asAlice)
        .exchange()
        .expectStatus()
        .isNotFound();
    client
        .post()
        .uri("/api/content/schedule")
        .header("Authorization", "Bearer " + bob)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("contentId", id, "publishAt", Instant.now().plusSeconds(3600).toString()))
        .exchange()
        .expectStatus()
        .isNotFound();
    client
        .get()
        .uri("/api/content/items/" + id)
        .header("Authorization", "Bearer " + alice)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.title")
        .isEqualTo("Alice only");
  }

  @Test
  void invalidItemsGet400WithFieldErrors() {
    String token = accessToken(register());
    client
        .post()
        .uri("/api/content/items")
        .header("Authorization", "Bearer " + token)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("title", "", "body", "x", "platform", "myspace", "type", "post"))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.error")
        .isEqualTo("validation_failed")
        .jsonPath("$.fields.title")
        .exists()
        .jsonPath("$.fields.platform")
        .exists();
    client
        .post()
        .uri("/api/content/items")
        .header("Authorization", "Bearer " + token)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            Map.of("title", "Too long", "body", "a".repeat(281), "platform", "x", "type", "post"))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.fields.body")
        .value(m -> assertThat((String) m).contains("280"));
    client
        .post()
        .uri("/api/content/items")
        .header("Authorization", "Bearer " + token)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{not json")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.error")
        .isEqualTo("bad_request");
  }

  @Test
  @SuppressWarnings("unchecked")
  void schedulingSetsStatusAndListsTheEntry() {
    String token = accessToken(register());
    String id = (String) post(token, "/api/content/items", item("Later"), 201).get("id");
    Instant at = Instant.now().plusSeconds(7200).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    client
        .post()
        .uri("/api/content/schedule")
        .header("Authorization", "Bearer " + token)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("contentId", id, "publishAt", "2001-01-01T00:00:00Z"))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.fields.publishAt")
        .exists();
    Map<String, Object> entry =
        post(
            token,
            "/api/content/schedule",
            Map.of("contentId", id, "publishAt", at.toString()),
            201);
    assertThat(entry)
        .containsEntry("contentId", id)
        .containsEntry("status", "pending")
        .containsEntry("title", "Later");
    assertThat(Instant.parse((String) entry.get("publishAt"))).isEqualTo(at);
    client
        .get()
        .uri("/api/content/items/" + id)
        .header("Authorization", "Bearer " + token)
        .exchange()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("scheduled");
    client
        .get()
        .uri("/api/content/schedule")
        .header("Authorization", "Bearer " + token)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.entries[0].contentId")
        .isEqualTo(id);
    client
        .delete()
        .uri("/api/content/schedule/" + entry.get("id"))
        .header("Authorization", "Bearer " + token)
        .exchange()
        .expectStatus()
        .isNoContent();
    client
        .get()
        .uri("/api/content/items/" + id)
        .header("Authorization", "Bearer " + token)
        .exchange()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("draft");
  }
}
