package io.aegntic.studio.jobs.automation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.aegntic.studio.events.EventJson;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The topology's tiny HTTP endpoint: {@code GET /health} (200 when running), {@code GET
 * /rules/{ruleId}/state} and {@code GET /creators/{creatorId}/rules/state}.
 */
final class StateEndpoint implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StateEndpoint.class);
  private static final Pattern RULE = Pattern.compile("/rules/([^/]+)/state");
  private static final Pattern CREATOR = Pattern.compile("/creators/([^/]+)/rules/state");
  private static final ObjectMapper JSON = EventJson.mapper();

  private final HttpServer server;
  private final RuleStateQuery query;
  private final BooleanSupplier running;

  StateEndpoint(InetSocketAddress address, RuleStateQuery query, BooleanSupplier running)
      throws IOException {
    this.query = query;
    this.running = running;
    this.server = HttpServer.create(address, 0);
    server.createContext("/", this::handle);
  }

  void start() {
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())) {
        send(exchange, 405, Map.of("error", "only GET is supported"));
        return;
      }
      String path = exchange.getRequestURI().getRawPath();
      if ("/health".equals(path)) {
        boolean up = running.getAsBoolean();
        send(exchange, up ? 200 : 503, Map.of("status", up ? "UP" : "DOWN"));
        return;
      }
      Matcher rule = RULE.matcher(path);
      Matcher creator = CREATOR.matcher(path);
      if (rule.matches()) {
        var view = query.rule(decode(rule.group(1)));
        if (view.isPresent()) {
          send(exchange, 200, view.get());
        } else {
          send(exchange, 404, Map.of("error", "no rule " + decode(rule.group(1))));
        }
      } else if (creator.matches()) {
        send(exchange, 200, query.creator(decode(creator.group(1))));
      } else {
        send(exchange, 404, Map.of("error", "unknown path"));
      }
    } catch (InvalidStateStoreException e) {
      send(exchange, 503, Map.of("error", "state not queryable yet: " + e.getMessage()));
    } catch (RuntimeException e) {
      LOG.warn("state query failed", e);
      send(exchange, 500, Map.of("error", "state query failed"));
    }
  }

  private static String decode(String raw) {
    return URLDecoder.decode(raw, StandardCharsets.UTF_8);
  }

  private static void send(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
