package io.aegntic.studio.ingest.bench;

import io.aegntic.studio.infra.LocalStack;
import io.aegntic.studio.infra.StackEndpoints;
import io.aegntic.studio.infra.StackSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real stack (Kafka, PostgreSQL, InfluxDB) for {@code bench/run}: started from the {@code
 * STUDIO_*} variables (data folder and ports of the bench's own, so it never meets {@code ./studio
 * up}'s), its endpoints written as shell variables to the file named by the first argument, then
 * kept until the process is stopped (a shutdown hook stops the servers).
 */
public final class BenchStack {
  private BenchStack() {}

  public static void main(String[] args) throws Exception {
    Path home = Path.of(System.getenv().getOrDefault("STUDIO_HOME", "."));
    LocalStack stack = LocalStack.start(StackSettings.fromEnvironment(System.getenv(), home));
    Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "bench-stack-stop"));
    StackEndpoints e = stack.endpoints();
    String env =
        String.join(
            "\n",
            "STUDIO_KAFKA_BOOTSTRAP=" + e.kafkaBootstrap(),
            "STUDIO_PG_HOST=" + e.postgresHost(),
            "STUDIO_PG_PORT=" + e.postgresPort(),
            "STUDIO_PG_DB=" + e.postgresDatabase(),
            "STUDIO_PG_USER=" + e.postgresUser(),
            "STUDIO_PG_PASSWORD=" + e.postgresPassword(),
            "STUDIO_INFLUX_URL=" + e.influxUrl(),
            "STUDIO_INFLUX_DB=" + e.influxDatabase(),
            "");
    Path out = Path.of(args[0]);
    Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
    Files.writeString(tmp, env, StandardCharsets.UTF_8);
    Files.move(tmp, out, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    System.out.println("bench stack ready: " + e.kafkaBootstrap() + " " + e.influxUrl());
    Thread.currentThread().join();
  }
}
