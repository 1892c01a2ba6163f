package io.aegntic.studio.infra;

/**
 * A started Kafka + PostgreSQL + InfluxDB stack, whether local child processes ({@link LocalStack})
 * or containers. Closing it stops every server it started.
 */
public interface RunningStack extends AutoCloseable {

  /** Where the servers listen. */
  StackEndpoints endpoints();

  /** Stops the Kafka broker, keeping its data and port, so clients see the broker down. */
  void stopKafka();

  /** Starts the broker stopped by {@link #stopKafka()} again, on the same port and data. */
  void startKafka();

  /**
   * Creates a fresh, empty PostgreSQL database owned by the stack's user and returns its name: the
   * given prefix (lower-cased, non-alphanumerics replaced by {@code _}) plus a unique suffix.
   */
  String createDatabase(String prefix);

  @Override
  void close();
}
