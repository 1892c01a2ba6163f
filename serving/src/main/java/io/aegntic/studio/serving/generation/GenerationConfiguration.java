package io.aegntic.studio.serving.generation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Provides the {@link DraftGenerator} bean from {@code studio.generation.*} properties (or the
 * STUDIO_GENERATION_* environment variables); offline templates when nothing is configured.
 */
@Configuration(proxyBeanMethods = false)
public class GenerationConfiguration {

  @Bean
  public DraftGenerator draftGenerator(Environment environment) {
    return DraftGenerators.create(GenerationSettings.from(environment::getProperty));
  }
}
