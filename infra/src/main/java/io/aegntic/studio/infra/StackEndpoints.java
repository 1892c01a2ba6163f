package io.aegntic.studio.infra;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the servers of a running stack listen: what a service or a test needs to connect to Kafka,
 * PostgreSQL and InfluxDB. The password is left out of {@link #toString()}.
 */
public record StackEndpoints(
    String kafkaBootstrap,
    String postgresHost,
    int postgresPort,
    String postgresDatabase,
    String postgresUser,
    String postgresPassword,
    String influxUrl,
    String influxDatabase) {

  /** {@code jdbc:postgresql://host:port/database} (credentials are separate). */
  public String postgresJdbcUrl() {
    return "jdbc:postgresql://" + postgresHost + ":" + postgresPort + "/" + postgresDatabase;
  }

  /** {@code r2dbc:postgresql://host:port/database} (credentials are separate). */
  public String postgresR2dbcUrl() {
    return "r2dbc:postgresql://" + postgresHost + ":" + postgresPort + "/" + postgresDatabase;
  }

  /** The same endpoints with another PostgreSQL database, e.g. one from {@code newDatabase}. */
  public StackEndpoints withPostgresDatabase(String database) {
    return new StackEndpoints(
        kafkaBootstrap,
        postgresHost,
        postgresPort,
        database,
        postgresUser,
        postgresPassword,
        influxUrl,
        influxDatabase);
  }

  /** The {@code STUDIO_*} environment variables services read these endpoints from. */
  public Map<String, String> asEnvironment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("STUDIO_KAFKA_BOOTSTRAP", kafkaBootstrap);
    env.put("STUDIO_PG_HOST", postgresHost);
    env.put("STUDIO_PG_PORT", Integer.toString(postgresPort));
    env.put("STUDIO_PG_DB", postgresDatabase);
    env.put("STUDIO_PG_USER", postgresUser);
    env.put("STUDIO_PG_PASSWORD", postgresPassword);
    env.put("STUDIO_INFLUX_URL", influxUrl);
    env.put("STUDIO_INFLUX_DB", influxDatabase);
    return env;
  }

  @Override
  public String toString() {
    return "StackEndpoints[kafka="
        + kafkaBootstrap
        + ", postgres="
        + postgresJdbcUrl()
        + " user="
        + postgresUser
        + ", influx="
        + influxUrl
        + " db="
        + influxDatabase
        + "]";
  }
}
