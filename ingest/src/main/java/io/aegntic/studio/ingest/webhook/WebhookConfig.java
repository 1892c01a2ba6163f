package io.aegntic.studio.ingest.webhook;

import io.micrometer.observation.ObservationPredicate;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Routes {@code /webhooks/{platform}} and builds what the receivers share. */
@Configuration(proxyBeanMethods = false)
class WebhookConfig {
  private static final Logger log = LoggerFactory.getLogger(WebhookConfig.class);

  @Bean
  RouterFunction<ServerResponse> webhookRoutes(WebhookHandler handler) {
    return RouterFunctions.route()
        .GET("/webhooks/{platform}", handler::handshake)
        .POST("/webhooks/{platform}", handler::receive)
        .build();
  }

  /**
   * Webhook POSTs are not observed as {@code http.server.requests}: {@link IngestMetrics} counts
   * them (received, rejected by reason, accepted) and times them (receipt to 2xx) per platform with
   * meters registered once, where the observation built a context, its key values and a meter
   * lookup per request (a few percent of the benchmark's samples). Every other request (handshakes,
   * actuator) keeps the observation.
   */
  @Bean
  ObservationPredicate webhookPostsNotObserved() {
    return (name, context) ->
        !(context instanceof ServerRequestObservationContext request
            && request.getCarrier().getMethod() == HttpMethod.POST
            && request.getCarrier().getPath().value().startsWith("/webhooks/"));
  }

  @Bean
  WebhookContext webhookContext(WebhookProperties props) {
    WebhookProperties.Secrets s = props.secrets();
    // Names only: a secret's value never reaches a log.
    Map.of(
            "STUDIO_SECRET_META_APP", s.metaApp(),
            "STUDIO_SECRET_META_VERIFY_TOKEN", s.metaVerifyToken(),
            "STUDIO_SECRET_X_CONSUMER", s.xConsumer(),
            "STUDIO_SECRET_YOUTUBE", s.youtube(),
            "STUDIO_SECRET_STRIPE", s.stripe(),
            "STUDIO_SECRET_TIKTOK", s.tiktok(),
            "STUDIO_SECRET_LINKEDIN", s.linkedin())
        .forEach(
            (name, value) -> {
              if (value.isBlank()) {
                log.warn("secret not configured: {} (see ingest/README.md)", name);
              }
            });
    if (props.actorSalt().isBlank()) {
      log.warn("STUDIO_ACTOR_SALT is not set: actor ids are hashed without a salt");
    }
    return new WebhookContext(props.accounts(), props.actorSalt());
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
