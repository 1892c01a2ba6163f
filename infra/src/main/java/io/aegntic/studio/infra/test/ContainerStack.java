package io.aegntic.studio.infra.test;

import io.aegntic.studio.infra.InfluxSetup;
import io.aegntic.studio.infra.KafkaTopics;
import io.aegntic.studio.infra.PostgresAdmin;
import io.aegntic.studio.infra.RunningStack;
import io.aegntic.studio.infra.StackEndpoints;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The shared test stack on a machine with Docker: Kafka, PostgreSQL and InfluxDB 1.x containers.
 * The broker is paused and unpaused for {@link #stopKafka()}/{@link #startKafka()} so its mapped
 * port stays the same.
 */
final class ContainerStack implements RunningStack {

  private static final String DATABASE = "studio";

  private final KafkaContainer kafka;
  private final PostgreSQLContainer postgres;
  private final GenericContainer<?> influx;
  private final StackEndpoints endpoints;

  private ContainerStack(
      KafkaContainer kafka, PostgreSQLContainer postgres, GenericContainer<?> influx) {
    this.kafka = kafka;
    this.postgres = postgres;
    this.influx = influx;
    this.endpoints =
        new StackEndpoints(
            kafka.getBootstrapServers(),
            postgres.getHost(),
            postgres.getMappedPort(5432),
            DATABASE,
            postgres.getUsername(),
            postgres.getPassword(),
            "http://" + influx.getHost() + ":" + influx.getMappedPort(8086),
            DATABASE);
  }

  static ContainerStack start() {
    KafkaContainer kafka =
        new KafkaContainer("apache/kafka:4.1.1")
            .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
            .withEnv("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
            .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
    PostgreSQLContainer postgres =
        new PostgreSQLContainer("postgres:14-alpine")
            .withDatabaseName(DATABASE)
            .withUsername(DATABASE)
            .withPassword(UUID.randomUUID().toString());
    GenericContainer<?> influx =
        new GenericContainer<>("influxdb:1.8")
            .withEnv("INFLUXDB_REPORTING_DISABLED", "true")
            .withExposedPorts(8086)
            .waitingFor(Wait.forHttp("/ping").forStatusCode(204));
    kafka.start();
    postgres.start();
    influx.start();
    ContainerStack stack = new ContainerStack(kafka, postgres, influx);
    KafkaTopics.createAll(stack.endpoints.kafkaBootstrap());
    InfluxSetup.createDatabase(stack.endpoints.influxUrl(), DATABASE);
    return stack;
  }

  @Override
  public StackEndpoints endpoints() {
    return endpoints;
  }

  @Override
  public void stopKafka() {
    DockerClientFactory.instance().client().pauseContainerCmd(kafka.getContainerId()).exec();
  }

  @Override
  public void startKafka() {
    DockerClientFactory.instance().client().unpauseContainerCmd(kafka.getContainerId()).exec();
  }

  @Override
  public String createDatabase(String prefix) {
    PostgresAdmin admin =
        new PostgresAdmin(
            postgres.getJdbcUrl().replace("/" + DATABASE + "?", "/postgres?"),
            postgres.getUsername(),
            postgres.getPassword());
    return admin.createDatabase(prefix, postgres.getUsername());
  }

  @Override
  public void close() {
    influx.stop();
    postgres.stop();
    kafka.stop();
  }
}
