package io.aegntic.studio.serving.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import reactor.core.publisher.Flux;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;

/** Registers the benchmark's users (each owns one fresh creator) over serving's REST API. */
final class BenchUsers {
  private static final Pattern ACCESS = Pattern.compile("\"accessToken\":\"([^\"]+)\"");
  private static final Pattern CREATOR = Pattern.compile("\"creators\":\\[\\{\"id\":\"([^\"]+)\"");

  private BenchUsers() {}

  record User(String accessToken, String creatorId) {}

  static List<User> register(String url, int count) {
    HttpClient http =
        HttpClient.create().baseUrl(url).headers(h -> h.set("Content-Type", "application/json"));
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<User> users =
        Flux.range(0, count)
            .flatMap(
                i ->
                    http.post()
                        .uri("/api/auth/register")
                        .send(
                            ByteBufFlux.fromString(
                                reactor.core.publisher.Mono.just(
                                    String.format(
                                        "{\"email\":\"bench-%s-%d@bench.local\",\"password\":\"bench password %s\"}",
                                        run, i, run))))
                        .responseSingle(
                            (response, body) ->
                                body.asString()
                                    .map(
                                        json -> {
                                          if (response.status().code() != 201) {
                                            throw new IllegalStateException(
                                                "register failed: "
                                                    + response.status()
                                                    + " "
                                                    + json);
                                          }
                                          return parse(json);
                                        })),
                4)
            .collectList()
            .block(Duration.ofMinutes(5));
    return new ArrayList<>(users);
  }

  private static User parse(String json) {
    Matcher access = ACCESS.matcher(json);
    Matcher creator = CREATOR.matcher(json);
    if (!access.find() || !creator.find()) {
      throw new IllegalStateException("unexpected register response");
    }
    return new User(access.group(1), creator.group(1));
  }
}
