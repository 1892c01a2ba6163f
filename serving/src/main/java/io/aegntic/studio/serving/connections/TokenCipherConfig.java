package io.aegntic.studio.serving.connections;

import io.aegntic.studio.events.PlatformTokenCipher;
import io.aegntic.studio.serving.config.StudioProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Platform tokens are sealed under {@code STUDIO_TOKEN_KEY} in the format ingest's pollers read.
 */
@Configuration(proxyBeanMethods = false)
class TokenCipherConfig {
  @Bean
  PlatformTokenCipher platformTokenCipher(StudioProperties properties) {
    return new PlatformTokenCipher(properties.tokenKey());
  }
}
