package io.aegntic.studio.serving;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpsIT extends ServingItSupport {

  @Test
  void openApiDocsAndActuatorAreServed() {
    String spec =
        client
            .get()
            .uri("/api/docs/openapi.json")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(spec)
        .contains("/api/auth/login", "/api/content/items", "/api/stream", "/api/analytics/metrics");
    client.get().uri("/api/docs").exchange().expectStatus().is3xxRedirection();
    client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    client
        .get()
        .uri("/actuator/prometheus")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(body -> assertThat(body).contains("jvm_memory_used_bytes"));
  }
}
