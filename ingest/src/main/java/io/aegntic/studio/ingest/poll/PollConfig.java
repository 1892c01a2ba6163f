package io.aegntic.studio.ingest.poll;

import io.aegntic.studio.events.PlatformTokenCipher;
import io.aegntic.studio.ingest.publish.EventPublisher;
import io.aegntic.studio.ingest.webhook.WebhookProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Wires the pollers when {@code studio.ingest.poll.enabled=true}, and {@code GET /pollers}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "studio.ingest.poll.enabled", havingValue = "true")
class PollConfig {

  @Bean
  PollScheduler pollScheduler(
      PollProperties props,
      List<PlatformPoller> pollers,
      DatabaseClient db,
      EventPublisher publisher,
      WebhookProperties webhook,
      MeterRegistry meters,
      Clock clock) {
    PlatformTokenCipher cipher = new PlatformTokenCipher(props.tokenKey());
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    ConnectionStore connections = new ConnectionStore(db, cipher);
    List<PlatformPoller> enabled =
        pollers.stream().filter(p -> props.platforms().contains(p.platform().id())).toList();
    Map<String, RateLimiter> limiters = new LinkedHashMap<>();
    for (PlatformPoller p : enabled) {
      String id = p.platform().id();
      props.app(id);
      limiters.put(
          id, new RateLimiter(id, clock, props.app(id).dailyQuota(), p.quotaZone(), meters));
    }
    PollSession.PollServices services =
        new PollSession.PollServices(
            props,
            http,
            connections,
            new PollStateStore(db),
            new TokenRefresher(http, connections, clock, meters),
            publisher,
            new Schedule(props.young(), props.maxInterval(), props.jitter()),
            meters,
            webhook.actorSalt());
    return new PollScheduler(enabled, limiters, services);
  }

  @Bean
  RouterFunction<ServerResponse> pollerRoutes(PollScheduler scheduler) {
    return RouterFunctions.route()
        .GET(
            "/pollers",
            req ->
                Mono.fromCallable(() -> Map.of("platforms", scheduler.status()))
                    .subscribeOn(Schedulers.boundedElastic())
                    .flatMap(body -> ServerResponse.ok().bodyValue(body)))
        .build();
  }
}
