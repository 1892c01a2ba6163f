package io.aegntic.studio.jobs.automation;

import static io.aegntic.studio.jobs.automation.AutomationFixtures.CREATOR;
import static io.aegntic.studio.jobs.automation.AutomationFixtures.T0;
import static io.aegntic.studio.jobs.automation.AutomationFixtures.rule;
import static io.aegntic.studio.jobs.automation.AutomationFixtures.score;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aegntic.studio.events.EventJson;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateEndpointTest {
  @TempDir Path stateDir;
  AutomationFixtures t;
  StateEndpoint endpoint;
  final AtomicBoolean running = new AtomicBoolean(true);
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    t = new AutomationFixtures(stateDir);
    RuleStateQuery query =
        new RuleStateQuery(
            () -> t.driver.getKeyValueStore(AutomationTopology.RULES_STORE),
            () -> t.driver.getKeyValueStore(AutomationTopology.STATE_STORE));
    endpoint = new StateEndpoint(new InetSocketAddress("127.0.0.1", 0), query, running::get);
    endpoint.start();
  }

  @AfterEach
  void stop() {
    endpoint.close();
    t.close();
  }

  @Test
  void aRulesStateShowsLastFiredCooldownAndCurrentValuePerSubject() throws Exception {
    t.put(rule("r1", 80, Duration.ofMinutes(30)));
    t.send(score("post-1", 1, 85), score("post-1", 2, 70), score("post-2", 2, 40));

    HttpResponse<String> response = get("/rules/r1/state");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = EventJson.mapper().readTree(response.body());
    assertThat(body.get("ruleId").asText()).isEqualTo("r1");
    JsonNode post1 = body.get("subjects").get(0);
    assertThat(post1.get("subject").asText()).isEqualTo("post-1");
    assertThat(post1.get("currentValue").asDouble()).isEqualTo(70);
    assertThat(post1.get("lastFiredAt").asText()).isEqualTo(T0.plusSeconds(65).toString());
    assertThat(post1.get("cooldownUntil").asText())
        .isEqualTo(T0.plusSeconds(65).plus(Duration.ofMinutes(30)).toString());
    assertThat(post1.get("holding").asBoolean()).isFalse();
    JsonNode post2 = body.get("subjects").get(1);
    assertThat(post2.get("subject").asText()).isEqualTo("post-2");
    assertThat(post2.has("lastFiredAt")).isFalse();
  }

  @Test
  void aCreatorsRulesAreListedAndAnUnknownRuleIs404() throws Exception {
    t.put(rule("r2", 80, Duration.ZERO));
    t.put(rule("r1", 50, Duration.ZERO));
    HttpResponse<String> list = get("/creators/" + CREATOR + "/rules/state");
    assertThat(list.statusCode()).isEqualTo(200);
    JsonNode rules = EventJson.mapper().readTree(list.body());
    assertThat(rules).hasSize(2);
    assertThat(rules.get(0).get("ruleId").asText()).isEqualTo("r1");

    assertThat(get("/creators/nobody/rules/state").body()).isEqualTo("[]");
    assertThat(get("/rules/missing/state").statusCode()).isEqualTo(404);
    t.delete("r1");
    assertThat(get("/rules/r1/state").statusCode()).isEqualTo(404);
  }

  @Test
  void healthFollowsTheStreamsState() throws Exception {
    assertThat(get("/health").statusCode()).isEqualTo(200);
    running.set(false);
    assertThat(get("/health").statusCode()).isEqualTo(503);
  }

  private HttpResponse<String> get(String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + path)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
