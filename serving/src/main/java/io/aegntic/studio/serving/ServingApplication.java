package io.aegntic.studio.serving;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point of serving: auth, REST, live metrics over SSE and analytics for the dashboard. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ServingApplication {

  public static void main(String[] args) {
    SpringApplication.run(ServingApplication.class, args);
  }
}
