package io.aegntic.studio.ingest.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.aegntic.studio.events.DemoCreators;
import io.aegntic.studio.events.EventJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

/**
 * The simulator's demo state serves every polled platform for every demo creator with the demo
 * access tokens serving seeds ({@code demo-<platform>-<creator>-access}), and refuses other tokens.
 */
class DemoApisTest {
  static final LoopResources LOOPS = LoopResources.create("demo-apis", 1, true);
  static final DisposableServer SERVER =
      HttpServer.create()
          .runOn(LOOPS)
          .host("127.0.0.1")
          .port(0)
          .route(
              new PlatformApiServer(
                      ApiState.demo(1, Instant.now()), new ApiFaults(), Clock.systemUTC(), 50)
                  ::routes)
          .bindNow();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @AfterAll
  static void stop() {
    SERVER.disposeNow();
    LOOPS.dispose();
  }

  @Test
  void everyDemoCreatorsAccountIsServedWithItsDemoToken() throws Exception {
    for (DemoCreators.Creator c : DemoCreators.ALL) {
      Map<String, String> lists =
          Map.of(
              "x", "/x/2/users/" + c.x() + "/tweets?max_results=100",
              "instagram", "/instagram/v21.0/" + c.instagram() + "/media?fields=id,timestamp",
              "linkedin",
                  "/linkedin/rest/posts?q=author&author=urn%3Ali%3Aorganization%3A"
                      + c.linkedinOrg());
      for (Map.Entry<String, String> e : lists.entrySet()) {
        String token = DemoCreators.token(e.getKey(), c.id(), "access");
        HttpResponse<String> ok = get(e.getValue(), token);
        assertThat(ok.statusCode()).as(e.getKey() + " " + c.id()).isEqualTo(200);
        var body = EventJson.mapper().readTree(ok.body());
        var items = body.has("elements") ? body.get("elements") : body.get("data");
        assertThat(items).as(e.getKey() + " " + c.id()).hasSize(3);
        assertThat(get(e.getValue(), token + "-wrong").statusCode()).isIn(400, 401);
      }
    }
  }

  private static HttpResponse<String> get(String path, String token) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + SERVER.port() + path))
            .header("Authorization", "Bearer " + token)
            .header("LinkedIn-Version", "202603")
            .header("X-Restli-Protocol-Version", "2.0.0")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
