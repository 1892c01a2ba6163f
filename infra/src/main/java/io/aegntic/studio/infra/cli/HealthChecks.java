package io.aegntic.studio.infra.cli;

import io.aegntic.studio.infra.InfluxSetup;
import io.aegntic.studio.infra.KafkaTopics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** One-shot health checks of each part, answering {@code null} when healthy, else the reason. */
final class HealthChecks {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private HealthChecks() {}

  static String http(String url) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build();
      int status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return status / 100 == 2 ? null : "HTTP " + status;
    } catch (IOException e) {
      return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    } catch (IllegalArgumentException e) {
      return "bad URL " + url;
    }
  }

  static String kafka(String bootstrap) {
    var config = KafkaTopics.adminConfig(bootstrap);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 4000);
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
    try (Admin admin = Admin.create(config)) {
      admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
      return null;
    } catch (Exception e) {
      return "broker not answering on " + bootstrap;
    }
  }

  static String postgres(String jdbcUrl, String user, String password) {
    try (Connection c =
        DriverManager.getConnection(jdbcUrl + "?connectTimeout=3", user, password)) {
      return c.isValid(3) ? null : "connection not valid";
    } catch (SQLException e) {
      return e.getMessage();
    }
  }

  static String influx(String url) {
    return InfluxSetup.ping(url) ? null : "no answer to " + url + "/ping";
  }
}
