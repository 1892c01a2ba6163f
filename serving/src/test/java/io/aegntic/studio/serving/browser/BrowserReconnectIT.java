package io.aegntic.studio.serving.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.aegntic.studio.events.MetricUpdate;
import io.aegntic.studio.infra.test.StudioStackExtension;
import io.aegntic.studio.serving.StudioRequests;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;

/**
 * Done-when 3 of issue 8: an open dashboard rides out a restart of serving. The page stays open
 * while serving stops and starts again on the same port; the connection indicator goes from live to
 * reconnecting and back to live, the reconnect resumes with the last event id it had, and a metric
 * produced afterwards shows up, all without a reload.
 */
@ExtendWith(StudioStackExtension.class)
class BrowserReconnectIT {
  /** serving's restart on a loaded machine plus the page's backoff (up to 30 s): a hang guard. */
  static final Duration RESTART = Duration.ofMinutes(3);

  @Test
  void anOpenPageReconnectsAfterServingRestartsAndShowsNewMetrics() throws Exception {
    try (ServingProcess serving = new ServingProcess("http://127.0.0.1:9");
        Chromium browser = new Chromium()) {
      serving.start();
      Map<String, Object> user = StudioRequests.register(StudioRequests.client(serving.url()));
      String creator = StudioRequests.creatorOf(user);
      DashboardPage page = new DashboardPage(browser, serving.url());
      page.open();
      page.signIn(StudioRequests.email(user), StudioRequests.PASSWORD);
      page.awaitConnection("live");
      Awaitility.await().atMost(Chromium.WAIT).until(serving::feedAssigned);

      StudioData.produce(followers(creator, 2, 1111));
      browser.attribute("card-followers", "data-value", "1111");
      String lastId = lastStreamEventId(browser);
      browser.js("window.__sameDocument = true");

      serving.stop();
      browser.await(
          d ->
              List.of("reconnecting", "offline")
                  .contains(browser.el("connection-status").getAttribute("data-state")));

      serving.start();
      browser.await(RESTART, d -> "live".equals(state(browser)));
      Awaitility.await().atMost(Chromium.WAIT).until(serving::feedAssigned);
      StudioData.produce(followers(creator, 1, 2222));
      browser.attribute("card-followers", "data-value", "2222");

      assertThat(browser.js("return window.__sameDocument === true"))
          .as("the page was not reloaded")
          .isEqualTo(true);
      List<String> streams = streamRequests(browser);
      assertThat(streams).as("stream connections opened").hasSizeGreaterThanOrEqualTo(2);
      assertThat(streams.get(0)).doesNotContain("lastEventId=");
      assertThat(streams.get(streams.size() - 1)).contains("lastEventId=" + lastId);
    }
  }

  private static String state(Chromium browser) {
    return browser.el("connection-status").getAttribute("data-state");
  }

  private static MetricUpdate followers(String creator, int minutesAgo, double value) {
    return StudioData.creatorUpdate(
        creator,
        MetricUpdate.Family.AUDIENCE,
        StudioData.minute(minutesAgo),
        Map.of("followers", value));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> params(LogEntry entry) {
    Map<String, Object> json = new Json().toType(entry.getMessage(), Map.class);
    return (Map<String, Object>) ((Map<String, Object>) json.get("message")).get("params");
  }

  private static boolean is(LogEntry entry, String method) {
    return entry.getMessage().contains("\"method\":\"" + method + "\"");
  }

  /** The id of the last event the page's EventSource received (from Chromium's network log). */
  private static String lastStreamEventId(Chromium browser) {
    return browser.networkLog().stream()
        .filter(e -> is(e, "Network.eventSourceMessageReceived"))
        .map(e -> (String) params(e).get("eventId"))
        .filter(id -> id != null && !id.isEmpty())
        .reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("the page received no stream event with an id"));
  }

  /** The URLs of every /api/stream request the page made, in order. */
  @SuppressWarnings("unchecked")
  private static List<String> streamRequests(Chromium browser) {
    return browser.networkLog().stream()
        .filter(e -> is(e, "Network.requestWillBeSent"))
        .map(e -> (String) ((Map<String, Object>) params(e).get("request")).get("url"))
        .filter(Objects::nonNull)
        .filter(url -> url.contains("/api/stream"))
        .toList();
  }
}
