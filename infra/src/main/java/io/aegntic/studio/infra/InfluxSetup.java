package io.aegntic.studio.infra;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Talks to InfluxDB 1.x's HTTP API for the stack: the health ping and the creation of the studio
 * database with its retention policies ({@code raw}: 30 days, default; {@code rollup}: 400 days,
 * for downsampled series).
 */
public final class InfluxSetup {

  /** The default retention policy: raw points for 30 days. */
  public static final String RAW_POLICY = "raw";

  /** The retention policy for downsampled series: 400 days. */
  public static final String ROLLUP_POLICY = "rollup";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private InfluxSetup() {}

  /** True when {@code GET /ping} answers 204. */
  public static boolean ping(String url) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url + "/ping")).timeout(Duration.ofSeconds(2)).build();
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 204;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Creates the database and its retention policies; running it again changes nothing. */
  public static void createDatabase(String url, String database) {
    String db = "\"" + database.replace("\"", "\\\"") + "\"";
    query(url, "CREATE DATABASE " + db);
    query(url, policy("CREATE", RAW_POLICY, db, "30d") + " DEFAULT");
    query(url, policy("CREATE", ROLLUP_POLICY, db, "400d"));
  }

  private static String policy(String verb, String name, String db, String duration) {
    return verb
        + " RETENTION POLICY \""
        + name
        + "\" ON "
        + db
        + " DURATION "
        + duration
        + " REPLICATION 1";
  }

  private static void query(String url, String q) {
    String body = "q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url + "/query"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2 || response.body().contains("\"error\"")) {
        throw new StackException(
            "InfluxDB at " + url + " refused `" + q + "`: " + response.body().trim());
      }
    } catch (IOException e) {
      throw new StackException("InfluxDB at " + url + " is not answering: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StackException("Interrupted while setting up InfluxDB", e);
    }
  }
}
