package io.aegntic.studio.serving.automation;

import static org.assertj.core.api.Assertions.assertThat;

import io.aegntic.studio.events.AutomationRule;
import io.aegntic.studio.events.EventJson;
import io.aegntic.studio.events.RuleTrigger;
import io.aegntic.studio.events.Topics;
import io.aegntic.studio.serving.ServingItSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Rules over REST (validation, tenancy, enable/disable, delete as a tombstone), webhook actions
 * against a local receiver (signature, retry, failure reasons), the generation endpoint and the
 * state endpoint being unreachable. Triggers here are produced to the triggers topic directly.
 */
class AutomationRestIT extends ServingItSupport {
  private static final Duration GUARD = Duration.ofSeconds(60);

  @Autowired TriggerConsumer consumer;
  @Autowired RuleStateClient stateClient;

  @BeforeEach
  void ready() {
    Awaitility.await().atMost(GUARD).until(consumer::assigned);
  }

  private WebTestClient.RequestHeadersSpec<?> as(
      String token, WebTestClient.RequestHeadersSpec<?> r) {
    return r.header("Authorization", "Bearer " + token);
  }

  private static Map<String, Object> webhookRule(String url) {
    return AutomationIT.rule(
        null, "post-9", Map.of("type", "webhook", "settings", Map.of("url", url)));
  }

  @Test
  @SuppressWarnings("unchecked")
  void invalidRulesAre400WithEveryBadField() {
    String token = accessToken(register());
    Map<String, Object> bad =
        new HashMap<>(
            AutomationIT.rule(
                null, null, Map.of("type", "webhook", "settings", Map.of("url", "ftp://x"))));
    bad.put("metric", "followers");
    bad.put("comparator", "about");
    bad.put("window", "soon");
    Map<String, Object> body = post(token, "/api/automation/workflows", bad, 400);
    assertThat(body.get("error")).isEqualTo("validation_failed");
    assertThat((Map<String, String>) body.get("fields"))
        .containsKeys("metric", "comparator", "window", "action.settings.url");
    Map<String, Object> list =
        as(token, client.get().uri("/api/automation/workflows"))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    assertThat((List<?>) list.get("rules")).isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void rulesAreTenantScopedAndEveryChangeIsPublished() {
    String alice = accessToken(register());
    Map<String, Object> bobTokens = register();
    String bob = accessToken(bobTokens);
    // Alice cannot create a rule for Bob's creator.
    post(
        alice,
        "/api/automation/workflows",
        AutomationIT.rule(creatorOf(bobTokens), null, Map.of("type", "notify")),
        404);

    Map<String, Object> rule =
        post(
            alice,
            "/api/automation/workflows",
            AutomationIT.rule(null, null, Map.of("type", "notify")),
            201);
    String id = (String) rule.get("id");
    for (String uri :
        List.of(
            "/api/automation/workflows/" + id, "/api/automation/workflows/" + id + "/executions")) {
      as(bob, client.get().uri(uri)).exchange().expectStatus().isNotFound();
    }
    client
        .delete()
        .uri("/api/automation/workflows/" + id)
        .header("Authorization", "Bearer " + bob)
        .exchange()
        .expectStatus()
        .isNotFound();
    post(bob, "/api/automation/workflows/" + id + "/disable", Map.of(), 404);

    Map<String, Object> disabled =
        client
            .patch()
            .uri("/api/automation/workflows/" + id)
            .header("Authorization", "Bearer " + alice)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("enabled", false))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    assertThat(disabled.get("enabled")).isEqualTo(false);
    assertThat(disabled.get("version")).isEqualTo(2);

    Map<String, Object> changed =
        new HashMap<>(AutomationIT.rule(null, "post-7", Map.of("type", "notify")));
    changed.put("threshold", 42.5);
    changed.remove("enabled"); // a PUT without "enabled" keeps the rule disabled
    Map<String, Object> updated =
        client
            .put()
            .uri("/api/automation/workflows/" + id)
            .header("Authorization", "Bearer " + alice)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(changed)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    assertThat(updated.get("threshold")).isEqualTo(42.5);
    assertThat(updated.get("subject")).isEqualTo("post-7");
    assertThat(updated.get("enabled")).isEqualTo(false);

    client
        .delete()
        .uri("/api/automation/workflows/" + id)
        .header("Authorization", "Bearer " + alice)
        .exchange()
        .expectStatus()
        .isNoContent();
    as(alice, client.get().uri("/api/automation/workflows/" + id))
        .exchange()
        .expectStatus()
        .isNotFound();

    // On the topic: created, disabled, updated, then a tombstone, in that order.
    var records = TopicIo.read(Topics.RULES, r -> id.equals(r.key()));
    assertThat(records).hasSize(4);
    List<AutomationRule> values =
        records.subList(0, 3).stream()
            .map(r -> EventJson.read(r.value(), AutomationRule.class))
            .toList();
    assertThat(values).extracting(AutomationRule::enabled).containsExactly(true, false, false);
    assertThat(values.get(2).threshold()).isEqualTo(42.5);
    assertThat(values.get(2).subject()).isEqualTo("post-7");
    assertThat(records.get(3).value()).isNull();
  }

  @Test
  @SuppressWarnings("unchecked")
  void webhooksAreSignedRetriedOn500AndFailuresRecordedWithTheirReason() throws Exception {
    Map<String, Object> user = register();
    String token = accessToken(user);
    String creator = creatorOf(user);
    try (WebhookReceiver flaky = new WebhookReceiver(500, 204);
        WebhookReceiver refusing = new WebhookReceiver(400)) {
      Map<String, Object> rule =
          post(token, "/api/automation/workflows", webhookRule(flaky.url()), 201);
      String secret = (String) rule.get("webhookSecret");
      assertThat(secret).startsWith("whsec_");
      Map<String, Object> rejected =
          post(token, "/api/automation/workflows", webhookRule(refusing.url()), 201);

      String okTrigger = fire(creator, rule);
      String failedTrigger = fire(creator, rejected);

      Map<String, Object> ok = awaitExecution(token, okTrigger);
      assertThat(ok.get("status")).isEqualTo("succeeded");
      assertThat(ok.get("attempts")).isEqualTo(2);
      assertThat(flaky.received).hasSize(2);
      long now = Instant.now().getEpochSecond();
      for (WebhookReceiver.Received r : flaky.received) {
        assertThat(r.triggerId()).isEqualTo(okTrigger);
        assertThat(WebhookSigner.verify(secret, r.signature(), r.body(), now, 300)).isTrue();
        assertThat(WebhookSigner.verify("whsec_wrong", r.signature(), r.body(), now, 300))
            .isFalse();
        assertThat(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8))
            .contains("rule_fired")
            .contains(okTrigger)
            .doesNotContain(secret);
      }

      Map<String, Object> failed = awaitExecution(token, failedTrigger);
      assertThat(failed.get("status")).isEqualTo("failed");
      assertThat(failed.get("error")).isEqualTo("webhook answered HTTP 400");
      assertThat(failed.get("attempts")).isEqualTo(1);
      assertThat(refusing.received).hasSize(1);
    }
  }

  private static String fire(String creator, Map<String, Object> rule) throws Exception {
    Map<String, Object> action = (Map<String, Object>) rule.get("action");
    String triggerId = "t_it_" + UUID.randomUUID().toString().replace("-", "");
    RuleTrigger t =
        new RuleTrigger(
            triggerId,
            (String) rule.get("id"),
            creator,
            "post-9",
            Instant.now(),
            Instant.now(),
            90,
            80,
            Map.of("engagement_score", 90.0),
            List.of(),
            List.of("#launch"),
            new AutomationRule.Action(
                AutomationRule.ActionType.WEBHOOK, (Map<String, String>) action.get("settings")));
    TopicIo.produce(Topics.TRIGGERS, creator, EventJson.write(t));
    return triggerId;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> awaitExecution(String token, String triggerId) {
    return Awaitility.await()
        .atMost(GUARD)
        .until(
            () -> {
              Map<String, Object> body =
                  as(token, client.get().uri("/api/automation/executions"))
                      .exchange()
                      .expectStatus()
                      .isOk()
                      .expectBody(Map.class)
                      .returnResult()
                      .getResponseBody();
              return ((List<Map<String, Object>>) body.get("executions"))
                  .stream()
                      .filter(
                          e -> triggerId.equals(e.get("triggerId")) && e.get("finishedAt") != null)
                      .findFirst()
                      .orElse(null);
            },
            e -> e != null);
  }

  @Test
  @SuppressWarnings("unchecked")
  void generateReturnsTheDraftAndItsRecordAndRejectsBadInput() {
    String token = accessToken(register());
    Map<String, Object> draft =
        post(
            token,
            "/api/content/generate",
            Map.of(
                "type",
                "post",
                "topic",
                "our spring launch",
                "platform",
                "x",
                "tone",
                "excited",
                "keywords",
                List.of("launch", "spring")),
            200);
    assertThat(draft.get("platform")).isEqualTo("x");
    assertThat(draft.get("template")).isEqualTo(true);
    assertThat((String) draft.get("text")).contains("#launch");
    assertThat(
            ((String) draft.get("text")).codePointCount(0, ((String) draft.get("text")).length()))
        .isLessThanOrEqualTo(280);
    Map<String, Object> generation = (Map<String, Object>) draft.get("generation");
    assertThat(generation.get("provider")).isEqualTo("offline");
    assertThat(generation.get("status")).isEqualTo("succeeded");

    Map<String, Object> bad =
        post(token, "/api/content/generate", Map.of("topic", "t", "platform", "myspace"), 400);
    assertThat((String) bad.get("reason")).contains("unknown platform");
    post(token, "/api/content/generate", Map.of("platform", "x"), 400);
    client
        .post()
        .uri("/api/content/generate")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("topic", "t", "platform", "x"))
        .exchange()
        .expectStatus()
        .isUnauthorized();
  }

  @Test
  void ruleStateIs503WithAReasonWhenTheTopologyIsUnreachable() {
    String token = accessToken(register());
    Map<String, Object> rule =
        post(
            token,
            "/api/automation/workflows",
            AutomationIT.rule(null, null, Map.of("type", "notify")),
            201);
    stateClient.pointAt("http://127.0.0.1:9");
    try {
      Map<?, ?> body =
          as(token, client.get().uri("/api/automation/workflows/{id}/state", rule.get("id")))
              .exchange()
              .expectStatus()
              .isEqualTo(503)
              .expectBody(Map.class)
              .returnResult()
              .getResponseBody();
      assertThat(body.get("error")).isEqualTo("automation_unavailable");
      assertThat((String) body.get("reason")).contains("unreachable");
    } finally {
      stateClient.pointAt("http://127.0.0.1:8083");
    }
  }
}
