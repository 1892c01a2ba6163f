package io.aegntic.studio.serving.bench;

import io.aegntic.studio.infra.StackEndpoints;
import io.aegntic.studio.infra.test.StudioStackExtension;
import io.aegntic.studio.serving.ServingApplication;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the real stack and serving inside the benchmark's JVM (for runs without ./studio up). */
record SelfHost(String url, String kafkaBootstrap, ConfigurableApplicationContext context) {

  static SelfHost start() {
    StackEndpoints stack =
        StudioStackExtension.endpoints()
            .withPostgresDatabase(StudioStackExtension.newDatabase("bench"));
    System.setProperty("spring.r2dbc.url", stack.postgresR2dbcUrl());
    System.setProperty("spring.r2dbc.username", stack.postgresUser());
    System.setProperty("spring.r2dbc.password", stack.postgresPassword());
    System.setProperty("spring.flyway.url", stack.postgresJdbcUrl());
    System.setProperty("spring.flyway.user", stack.postgresUser());
    System.setProperty("spring.flyway.password", stack.postgresPassword());
    System.setProperty("studio.kafka.bootstrap", stack.kafkaBootstrap());
    System.setProperty("studio.influx.url", stack.influxUrl());
    System.setProperty("studio.influx.database", stack.influxDatabase());
    System.setProperty("studio.jwt.secret", key());
    System.setProperty("studio.token-key", key());
    System.setProperty("studio.demo.enabled", "false");
    System.setProperty("server.port", "0");
    ConfigurableApplicationContext context = SpringApplication.run(ServingApplication.class);
    String port = context.getEnvironment().getProperty("local.server.port");
    return new SelfHost("http://127.0.0.1:" + port, stack.kafkaBootstrap(), context);
  }

  private static String key() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
