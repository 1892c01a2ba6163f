package io.aegntic.studio.serving.automation;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP endpoint standing in for a customer's webhook receiver: answers the scripted status
 * codes in turn (then the last one forever) and keeps every request's signature header and body.
 */
final class WebhookReceiver implements AutoCloseable {
  record Received(String signature, String triggerId, byte[] body) {}

  private final HttpServer server;
  final List<Received> received = new CopyOnWriteArrayList<>();

  WebhookReceiver(int... statuses) throws IOException {
    AtomicInteger calls = new AtomicInteger();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/hook",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          received.add(
              new Received(
                  exchange.getRequestHeaders().getFirst(WebhookSigner.HEADER),
                  exchange.getRequestHeaders().getFirst("X-Studio-Trigger-Id"),
                  body));
          int call = calls.getAndIncrement();
          int status = statuses[Math.min(call, statuses.length - 1)];
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
