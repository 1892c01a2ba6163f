package io.aegntic.studio.infra.cli;

import io.aegntic.studio.infra.StackSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** {@code status}: each part's health; exit 0 only when {@code up} runs and all are healthy. */
final class StatusCommand {

  private final StudioEnvironment env;
  private final PrintStream out;
  private boolean allHealthy = true;

  StatusCommand(StudioEnvironment env, PrintStream out) {
    this.env = env;
    this.out = out;
  }

  int run() {
    StackSettings s = env.settings();
    StateFiles state = new StateFiles(env.stateDir());
    Optional<ProcessHandle> supervisor = state.supervisor();
    if (supervisor.isEmpty()) {
      allHealthy = false;
      out.println("studio: not running (start it with ./studio up)");
    } else {
      out.println(
          "studio: running (pid "
              + supervisor.get().pid()
              + (state.ready().isPresent() ? ")" : ", still starting)"));
    }
    row("kafka", s.kafkaBootstrap(), HealthChecks.kafka(s.kafkaBootstrap()));
    String jdbc = "jdbc:postgresql://" + StackSettings.HOST + ":" + s.postgresPort() + "/studio";
    row("postgres", jdbc, postgres(s, jdbc));
    row("influxdb", s.influxUrl(), HealthChecks.influx(s.influxUrl()));
    for (StateFiles.Started service : state.services()) {
      String problem = service.health().isEmpty() ? null : HealthChecks.http(service.health());
      row(service.name(), service.address(), problem);
    }
    return allHealthy ? 0 : 1;
  }

  private static String postgres(StackSettings s, String jdbc) {
    Path passwordFile = s.dataDir().resolve("postgres").resolve("password");
    try {
      String password = Files.readString(passwordFile, StandardCharsets.UTF_8).trim();
      return HealthChecks.postgres(jdbc, "studio", password);
    } catch (IOException e) {
      return "no password file " + passwordFile + " (never started here?)";
    }
  }

  private void row(String name, String address, String problem) {
    if (problem != null) {
      allHealthy = false;
    }
    out.printf(
        "  %-14s %-9s %s%s%n",
        name,
        problem == null ? "healthy" : "DOWN",
        address,
        problem == null ? "" : "  (" + problem + ")");
  }
}
