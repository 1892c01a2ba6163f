package io.aegntic.studio.serving.config;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock every time-dependent component uses, so tests can reason about time. */
@Configuration
class Clocks {
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
