package io.aegntic.studio.infra.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A minimal service for the launcher test: its health endpoint answers 200 only when the launcher
 * passed it the stack endpoints, a secret and {@code STUDIO_DEMO=false}.
 */
public final class TinyService {

  private TinyService() {}

  public static void main(String[] args) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 0);
    server.createContext(
        "/health",
        exchange -> {
          boolean ok =
              System.getenv("STUDIO_KAFKA_BOOTSTRAP") != null
                  && System.getenv("STUDIO_PG_PASSWORD") != null
                  && System.getenv("STUDIO_JWT_SECRET") != null
                  && "false".equals(System.getenv("STUDIO_DEMO"));
          byte[] body = (ok ? "UP" : "missing environment").getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(ok ? 200 : 500, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }
}
