package io.aegntic.studio.serving.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.aegntic.studio.events.MetricUpdate;
import io.aegntic.studio.events.MetricUpdate.Family;
import io.aegntic.studio.events.MetricUpdate.Scope;
import io.aegntic.studio.infra.test.StudioStackExtension;
import io.aegntic.studio.jobs.automation.InProcessTopology;
import io.aegntic.studio.serving.StudioRequests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Done-when 1 and 2 of issue 8: one signed-in Chromium page on serving, the real stack and the real
 * AutomationTopology: a metric produced to Kafka appears, a draft is generated, a CSV export holds
 * exactly the points written to InfluxDB, a rule made in the editor fires. Each page is saved as a
 * screenshot. The steps share the page, so they run in order.
 */
@ExtendWith(StudioStackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserDashboardIT {
  /** Kafka Streams' first start (EOS producer, internal topics) on a loaded machine. */
  static final Duration TOPOLOGY_START = Duration.ofMinutes(4);

  static InProcessTopology topology;
  static ServingProcess serving;
  static Chromium browser;
  static DashboardPage page;
  static WebTestClient api;
  static String token;
  static String creator;
  static String email;

  /** engagement.engagement_rate points written to InfluxDB: minute → value. */
  static final Map<Instant, Double> history = new LinkedHashMap<>();

  @BeforeAll
  static void start() throws Exception {
    topology =
        InProcessTopology.start(
            StudioStackExtension.endpoints().kafkaBootstrap(),
            "browser-it-" + UUID.randomUUID(),
            Files.createTempDirectory("browser-it-topology"));
    serving = new ServingProcess(topology.url());
    serving.start();
    browser = new Chromium();
    page = new DashboardPage(browser, serving.url());
    api = StudioRequests.client(serving.url());
    Map<String, Object> user = StudioRequests.register(api);
    token = StudioRequests.accessToken(user);
    creator = StudioRequests.creatorOf(user);
    // An hour of history, minute by minute: the command center charts it, analytics exports it.
    for (int ago = 50; ago >= 2; ago--) {
      history.put(StudioData.minute(ago), Math.round(300 + 150 * Math.sin(ago / 5.0)) / 100.0);
    }
    StudioData.writeCreatorPoints("engagement", creator, "engagement_rate", history);
    email = StudioRequests.email(user);
    page.open();
  }

  @AfterAll
  static void stop() {
    if (browser != null) browser.close();
    if (serving != null) serving.close();
    if (topology != null) topology.close();
  }

  @Test
  @Order(1)
  void signInAndSeeAMetricProducedToKafka() throws Exception {
    page.shot("sign-in");
    page.signIn(email, StudioRequests.PASSWORD);
    page.awaitConnection("live");
    Awaitility.await().atMost(Chromium.WAIT).until(serving::feedAssigned);

    List<MetricUpdate> updates = new ArrayList<>();
    for (int ago = 9; ago >= 0; ago--) {
      Instant end = StudioData.minute(ago);
      double engagements = ago == 0 ? 42 : 30 + 3 * (9 - ago);
      updates.add(
          StudioData.creatorUpdate(
              creator,
              Family.ENGAGEMENT,
              end,
              Map.of("engagements", engagements, "reach", 900.0, "engagement_rate", 0.0)));
      updates.add(
          StudioData.creatorUpdate(
              creator,
              Family.SENTIMENT,
              end,
              Map.of("positive", 12.0 - ago / 2, "neutral", 6.0, "negative", 1.0 + ago % 3)));
    }
    updates.add(
        StudioData.creatorUpdate(
            creator, Family.AUDIENCE, StudioData.minute(0), Map.of("followers", 12480.0)));
    updates.add(trend(Scope.CONTENT, "post-launch-video", 188, 240, 1));
    updates.add(trend(Scope.CONTENT, "post-studio-tour", 64, 70, 0));
    updates.add(trend(Scope.HASHTAG, "behindthescenes", 97, 130, 1));
    StudioData.produceAll(creator, updates.toArray(MetricUpdate[]::new));

    browser.attribute("card-followers", "data-value", "12480");
    browser.await(
        d -> browser.el("chart-engagement").getAttribute("aria-label").contains("engagements 42"));
    browser.visible("trend-item");
    assertThat(
            browser
                .driver
                .findElement(By.cssSelector("[data-subject='post-launch-video']"))
                .getAttribute("data-trending"))
        .isEqualTo("true");
    assertThat(browser.el("chart-sentiment").getAttribute("data-points")).isEqualTo("10");
    page.shot("command-center");

    browser.resize(390, 844);
    browser.await(d -> (Long) browser.js("return window.innerWidth") <= 400);
    page.shot("command-center-phone");
    browser.resize(Chromium.WIDTH, Chromium.HEIGHT);
    browser.click("theme-toggle");
    browser.await(d -> "dark".equals(browser.js("return document.documentElement.dataset.theme")));
    page.shot("command-center-dark");
    browser.click("theme-toggle");
  }

  private MetricUpdate trend(Scope scope, String subject, double value, double forecast, int on) {
    return StudioData.update(
        creator,
        Family.TREND,
        scope,
        subject,
        StudioData.minute(0),
        Map.of(
            "value",
            value,
            "forecast",
            forecast,
            "forecast_low",
            forecast * 0.8,
            "forecast_high",
            forecast * 1.2,
            "velocity",
            value / 20,
            "anomaly_score",
            on * 3.4,
            "trending",
            (double) on));
  }

  @Test
  @Order(2)
  void generateADraftInTheContentStudio() throws Exception {
    page.go("studio");
    browser.select("gen-platform", "linkedin");
    browser.type("gen-topic", "Behind the scenes of our studio tour");
    browser.type("gen-keywords", "studio, backstage");
    browser.click("gen-submit");
    browser.await(
        d -> browser.el("draft-text").getAttribute("value").contains("studio, backstage"));
    assertThat(browser.el("draft-source").getText()).startsWith("Generated by offline");
    assertThat(browser.el("draft-limits").getAttribute("data-ok")).isEqualTo("true");
    browser.click("draft-save");
    WebElement saved = browser.visible("library-item");
    assertThat(saved.getAttribute("data-status")).isEqualTo("draft");
    page.shot("content-studio");
  }

  @Test
  @Order(3)
  void exportACsvOfThePointsInInfluxDb() throws Exception {
    page.go("analytics");
    browser.select("an-metric", "engagement.engagement_rate");
    browser.select("an-scope", "creator");
    browser.select("an-range", "1h");
    browser.select("an-step", "1m");
    browser.click("an-run");
    browser.await(d -> browser.el("an-count").getText().startsWith(history.size() + " points"));
    page.shot("analytics-explorer");

    browser.click("an-export");
    Path csv =
        browser.await(
            d -> {
              try (var files = Files.list(browser.downloads)) {
                return files.filter(f -> f.toString().endsWith(".csv")).findFirst().orElse(null);
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    assertThat(csv.getFileName().toString()).startsWith("studio-engagement-engagement_rate-");
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.get(0)).isEqualTo("creator,platform,time,value");
    Map<Instant, Double> exported = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",");
      assertThat(cells).hasSize(4);
      assertThat(cells[0]).isEqualTo(creator);
      assertThat(cells[1]).isEqualTo("all");
      exported.put(Instant.parse(cells[2]), Double.parseDouble(cells[3]));
    }
    assertThat(exported).containsExactlyEntriesOf(history);
  }

  @Test
  @Order(4)
  void aRuleMadeInTheEditorFires() throws Exception {
    page.go("rules");
    browser.type("rule-name", "Viral post: draft a follow-up");
    browser.select("rule-family", "engagement");
    browser.select("rule-metric", "engagement_score");
    browser.select("rule-scope", "content");
    browser.type("rule-subject", "post-launch-video");
    browser.select("rule-comparator", "gt");
    browser.type("rule-threshold", "90");
    browser.select("rule-action-type", "draft_content");
    browser.select("rule-action-platform", "x");
    browser.click("rule-save");
    String ruleId = browser.visible("rule-item").getAttribute("data-rule-id");
    assertThat(browser.el("rule-item").getText()).contains("Viral post: draft a follow-up");

    // The topology judges the next update by the rule once its global store holds it.
    Awaitility.await().atMost(TOPOLOGY_START).until(topology::running);
    Awaitility.await().atMost(Chromium.WAIT).until(() -> ruleState(ruleId) == 200);
    StudioData.produce(
        StudioData.update(
            creator,
            Family.ENGAGEMENT,
            Scope.CONTENT,
            "post-launch-video",
            StudioData.minute(0),
            Map.of("engagement_score", 97.0, "likes", 120.0)));

    page.go("command");
    // The alert feed re-renders as updates arrive, so the element is found and read in one step.
    By alert = By.cssSelector("[data-testid='alert-item'][data-rule-id='" + ruleId + "']");
    String alertText =
        browser.await(
            d -> {
              WebElement el = d.findElement(alert);
              return el.isDisplayed() ? el.getText() : null;
            });
    assertThat(alertText).contains("Draft ready");

    page.go("rules");
    By details = By.cssSelector("[data-rule-id='" + ruleId + "'] [data-testid='rule-details']");
    String history =
        browser.await(
            d ->
                Boolean.TRUE.equals(succeededFiring(details))
                    ? d.findElement(details)
                        .findElement(Chromium.testId("rule-history-row"))
                        .getText()
                    : null);
    assertThat(history).contains("post-launch-video").contains("offline");
    browser.click("rule-edit");
    page.shot("rules-editor");
  }

  /** Opens the rule's details afresh (that loads them) and tells if a firing has succeeded. */
  private static Boolean succeededFiring(By locator) {
    WebElement details = browser.driver.findElement(locator);
    WebElement summary = details.findElement(By.tagName("summary"));
    if (details.getAttribute("open") != null) browser.click(summary);
    browser.click(summary);
    // The history table, its "not fired yet" or its "unavailable" state.
    By loaded = By.cssSelector("[data-testid^='rule-history']");
    browser.await(d -> !details.findElements(loaded).isEmpty());
    By succeeded = By.cssSelector("[data-testid='rule-history-row'][data-status='succeeded']");
    return details.findElements(succeeded).isEmpty() ? null : Boolean.TRUE;
  }

  private static int ruleState(String ruleId) {
    return api.get()
        .uri("/api/automation/workflows/{id}/state", ruleId)
        .header("Authorization", "Bearer " + token)
        .exchange()
        .returnResult(String.class)
        .getStatus()
        .value();
  }
}
