package io.aegntic.studio.ingest.webhook;

import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
