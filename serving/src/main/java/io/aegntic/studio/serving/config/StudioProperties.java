package io.aegntic.studio.serving.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every {@code studio.*} setting of serving, bound from application.yaml which maps the launcher's
 * {@code STUDIO_*} environment variables onto them. Secrets have no defaults: serving refuses to
 * start without them.
 */
@ConfigurationProperties("studio")
public record StudioProperties(
    Path dataDir, Jwt jwt, String tokenKey, Kafka kafka, Influx influx, Stream stream, Demo demo) {

  /** Access-token signing (HS256) and token lifetimes. */
  public record Jwt(
      String secret,
      @DefaultValue("aegntic-studio") String issuer,
      @DefaultValue("15m") Duration accessTtl,
      @DefaultValue("14d") Duration refreshTtl,
      @DefaultValue("2m") Duration streamTtl) {}

  /** The broker serving reads metrics from. */
  public record Kafka(String bootstrap) {}

  /** InfluxDB v1 HTTP API. User and password are optional. */
  public record Influx(
      String url,
      String database,
      @DefaultValue("") String user,
      @DefaultValue("") String password) {}

  /** Live stream tuning. */
  public record Stream(
      @DefaultValue("1000") int replaySize,
      @DefaultValue("15s") Duration heartbeat,
      @DefaultValue("4096") int maxPending) {}

  /** The demo account for the local platform simulator. */
  public record Demo(@DefaultValue("true") boolean enabled) {}
}
