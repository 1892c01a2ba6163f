package io.aegntic.studio.serving.automation;

import static org.assertj.core.api.Assertions.assertThat;

import io.aegntic.studio.events.AutomationRule;
import io.aegntic.studio.events.EventJson;
import io.aegntic.studio.events.MetricUpdate;
import io.aegntic.studio.events.RuleTrigger;
import io.aegntic.studio.events.Topics;
import io.aegntic.studio.infra.test.StudioStackExtension;
import io.aegntic.studio.jobs.automation.InProcessTopology;
import io.aegntic.studio.serving.ServingItSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * Done-when 2 of issue 7 on the real broker and PostgreSQL: a rule created over REST reaches the
 * rules topic and the real AutomationTopology (run in this JVM); a metric crossing fires it;
 * serving drafts, stores and announces the draft and records the execution; a restarted topology
 * does not fire again; a redelivered trigger is not executed twice.
 */
class AutomationIT extends ServingItSupport {
  /** A guard against hangs, not a timing assertion. */
  static final Duration GUARD = Duration.ofSeconds(60);

  /** Kafka Streams' first start (EOS producer, internal topics, rebalance) on a loaded machine. */
  static final Duration START_GUARD = Duration.ofMinutes(4);

  static final String APP_ID = "serving-it-automation-" + UUID.randomUUID();
  static Path stateDir;
  static InProcessTopology topology;

  @Autowired TriggerConsumer consumer;
  @Autowired RuleStateClient stateClient;

  @BeforeAll
  static void startTopology() throws Exception {
    stateDir = Files.createTempDirectory("serving-it-automation");
    topology =
        InProcessTopology.start(
            StudioStackExtension.endpoints().kafkaBootstrap(), APP_ID, stateDir);
  }

  @AfterAll
  static void stopTopology() {
    if (topology != null) {
      topology.close();
    }
  }

  @BeforeEach
  void ready() {
    Awaitility.await().atMost(START_GUARD).until(() -> topology.running() && consumer.assigned());
    stateClient.pointAt(topology.url());
  }

  static Map<String, Object> rule(String creatorId, String subject, Map<String, Object> action) {
    Map<String, Object> rule = new java.util.HashMap<>();
    rule.put("creatorId", creatorId);
    rule.put("name", "viral post");
    rule.put("family", "engagement");
    rule.put("metric", "engagement_score");
    rule.put("scope", "content");
    if (subject != null) {
      rule.put("subject", subject);
    }
    rule.put("comparator", "gt");
    rule.put("threshold", 80);
    rule.put("window", "PT15M");
    rule.put("cooldown", "PT30M");
    rule.put("action", action);
    return rule;
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> create(String token, Map<String, Object> rule) {
    return client
        .post()
        .uri("/api/automation/workflows")
        .header("Authorization", "Bearer " + token)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(rule)
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody();
  }

  /** Waits until the topology's global store has the rule, so the next metric is judged by it. */
  void awaitLoaded(String token, String ruleId) {
    Awaitility.await()
        .atMost(GUARD)
        .until(
            () ->
                client
                        .get()
                        .uri("/api/automation/workflows/{id}/state", ruleId)
                        .header("Authorization", "Bearer " + token)
                        .exchange()
                        .returnResult(String.class)
                        .getStatus()
                        .value()
                    == 200);
  }

  @SuppressWarnings("unchecked")
  List<Map<String, Object>> executions(String token, String ruleId) {
    Map<String, Object> body =
        client
            .get()
            .uri("/api/automation/workflows/{id}/executions", ruleId)
            .header("Authorization", "Bearer " + token)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    return (List<Map<String, Object>>) body.get("executions");
  }

  /** Waits for an execution of {@code subject} that has finished, and returns it. */
  Map<String, Object> finished(String token, String ruleId, String subject) {
    return Awaitility.await()
        .atMost(GUARD)
        .until(
            () ->
                executions(token, ruleId).stream()
                    .filter(e -> subject.equals(e.get("subject")) && e.get("finishedAt") != null)
                    .findFirst()
                    .orElse(null),
            e -> e != null);
  }

  static void metric(String creator, String subject, double score) throws Exception {
    Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    MetricUpdate update =
        new MetricUpdate(
            creator,
            MetricUpdate.Family.ENGAGEMENT,
            MetricUpdate.Scope.CONTENT,
            subject,
            null,
            end.minusSeconds(60),
            end,
            MetricUpdate.Emission.EARLY,
            Map.of("engagement_score", score, "likes", score),
            Map.of(),
            Instant.now());
    TopicIo.produce(Topics.METRICS, creator, EventJson.write(update));
  }

  Flux<ServerSentEvent<String>> alerts(String token) {
    return client
        .get()
        .uri("/api/stream")
        .header("Authorization", "Bearer " + token)
        .accept(MediaType.TEXT_EVENT_STREAM)
        .exchange()
        .expectStatus()
        .isOk()
        .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {})
        .getResponseBody()
        .filter(e -> "alert".equals(e.event()));
  }

  @Test
  @SuppressWarnings("unchecked")
  void aCrossingDraftsStoresAnnouncesAndRecordsOnceAcrossRestartsAndRedelivery() throws Exception {
    Map<String, Object> user = register();
    String token = accessToken(user);
    String creator = creatorOf(user);
    Flux<ServerSentEvent<String>> stream = alerts(token);
    Map<String, Object> created =
        create(
            token,
            rule(
                creator,
                null,
                Map.of(
                    "type",
                    "draft_content",
                    "settings",
                    Map.of("platform", "x", "tone", "excited"))));
    String ruleId = (String) created.get("id");
    assertThat(created.get("webhookSecret")).isNull();

    // The rule is on the compacted rules topic, keyed by its id.
    List<AutomationRule> published =
        TopicIo.read(Topics.RULES, r -> ruleId.equals(r.key()) && r.value() != null).stream()
            .map(r -> EventJson.read(r.value(), AutomationRule.class))
            .toList();
    assertThat(published).hasSize(1);
    assertThat(published.get(0).creatorId()).isEqualTo(creator);
    assertThat(published.get(0).threshold()).isEqualTo(80.0);
    assertThat(published.get(0).action().type()).isEqualTo(AutomationRule.ActionType.DRAFT_CONTENT);

    awaitLoaded(token, ruleId);
    metric(creator, "post-1", 60); // below: nothing
    metric(creator, "post-1", 91); // the crossing

    Map<String, Object> execution = finished(token, ruleId, "post-1");
    assertThat(execution.get("status")).isEqualTo("succeeded");
    assertThat(execution.get("actionType")).isEqualTo("draft_content");
    assertThat(execution.get("provider")).isEqualTo("offline");
    assertThat(execution.get("model")).isEqualTo("template-v1");
    assertThat(execution.get("triggerId").toString()).startsWith("t_");
    String contentId = (String) execution.get("contentId");
    assertThat(contentId).isNotNull();

    Map<String, Object> items =
        client
            .get()
            .uri("/api/content/items")
            .header("Authorization", "Bearer " + token)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    List<Map<String, Object>> list = (List<Map<String, Object>>) items.get("items");
    assertThat(list).hasSize(1);
    assertThat(list.get(0).get("id")).isEqualTo(contentId);
    assertThat(list.get(0).get("source")).isEqualTo("automation");
    assertThat(list.get(0).get("status")).isEqualTo("draft");
    assertThat(list.get(0).get("platform")).isEqualTo("x");

    StepVerifier.create(stream)
        .assertNext(
            e -> assertThat(e.data()).contains("Draft ready").contains(contentId).contains(ruleId))
        .thenCancel()
        .verify(GUARD);

    String state =
        client
            .get()
            .uri("/api/automation/workflows/{id}/state", ruleId)
            .header("Authorization", "Bearer " + token)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(state)
        .contains("\"subject\":\"post-1\"")
        .contains("\"holding\":true")
        .contains("lastFiredAt");

    // Restart the topology: post-1's crossing is not fired again; post-2's new crossing is.
    topology.close();
    topology =
        InProcessTopology.start(
            StudioStackExtension.endpoints().kafkaBootstrap(), APP_ID, stateDir);
    Awaitility.await().atMost(START_GUARD).until(topology::running);
    stateClient.pointAt(topology.url());
    metric(creator, "post-2", 95);
    finished(token, ruleId, "post-2");
    assertThat(executions(token, ruleId))
        .extracting(e -> e.get("subject"))
        .containsExactlyInAnyOrder("post-1", "post-2");

    // Redeliver post-1's trigger, then a marker trigger behind it on the same partition.
    List<RuleTrigger> triggers =
        TopicIo.read(Topics.TRIGGERS, r -> creator.equals(r.key())).stream()
            .map(r -> EventJson.read(r.value(), RuleTrigger.class))
            .toList();
    assertThat(triggers)
        .extracting(RuleTrigger::subject)
        .containsExactlyInAnyOrder("post-1", "post-2");
    RuleTrigger first =
        triggers.stream().filter(t -> t.subject().equals("post-1")).findFirst().orElseThrow();
    TopicIo.produce(Topics.TRIGGERS, creator, EventJson.write(first));
    RuleTrigger marker =
        new RuleTrigger(
            "t_marker_" + UUID.randomUUID(),
            ruleId,
            creator,
            "marker",
            Instant.now(),
            null,
            1,
            0,
            null,
            null,
            null,
            new AutomationRule.Action(AutomationRule.ActionType.NOTIFY, Map.of("title", "Marker")));
    TopicIo.produce(Topics.TRIGGERS, creator, EventJson.write(marker));
    assertThat(finished(token, ruleId, "marker").get("status")).isEqualTo("succeeded");
    assertThat(executions(token, ruleId))
        .extracting(e -> e.get("subject"))
        .containsExactlyInAnyOrder("post-1", "post-2", "marker");
    Map<String, Object> after =
        client
            .get()
            .uri("/api/content/items")
            .header("Authorization", "Bearer " + token)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    assertThat((List<?>) after.get("items")).hasSize(2);

    // The recent executions across the user's creators include all three.
    Map<String, Object> recent =
        client
            .get()
            .uri("/api/automation/executions")
            .header("Authorization", "Bearer " + token)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    assertThat((List<?>) recent.get("executions")).hasSize(3);
  }
}
