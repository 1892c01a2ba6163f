package io.aegntic.studio.serving.generation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * A local HTTP server standing in for a hosted model API: records each request and answers with
 * scripted replies (status, JSON body, delay), the last one repeating.
 */
final class FakeModelServer implements AutoCloseable {
  record Reply(int status, String body, long delayMillis) {}

  record Request(String method, String path, Map<String, String> headers, String body) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Deque<Reply> replies = new ArrayDeque<>();
  final List<Request> requests = new CopyOnWriteArrayList<>();

  FakeModelServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  synchronized FakeModelServer reply(int status, String body) {
    return reply(status, body, 0);
  }

  synchronized FakeModelServer reply(int status, String body, long delayMillis) {
    replies.add(new Reply(status, body, delayMillis));
    return this;
  }

  private synchronized Reply next() {
    return replies.size() > 1 ? replies.poll() : replies.peek();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Map<String, String> headers =
          exchange.getRequestHeaders().entrySet().stream()
              .collect(
                  Collectors.toMap(
                      e -> e.getKey().toLowerCase(Locale.ROOT),
                      e -> String.join(",", e.getValue())));
      requests.add(
          new Request(
              exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body));
      Reply reply = next();
      if (reply.delayMillis() > 0) {
        try {
          Thread.sleep(reply.delayMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(reply.status(), bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } catch (IOException e) {
      // the client gave up (timeout): nothing to answer
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  static String openAiReply(String content, int promptTokens, int completionTokens) {
    return """
        {"id":"chatcmpl-1","object":"chat.completion","created":1767225600,"model":"gpt-4o-mini",
         "choices":[{"index":0,"message":{"role":"assistant","content":%s},"finish_reason":"stop"}],
         "usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d}}
        """
        .formatted(quote(content), promptTokens, completionTokens, promptTokens + completionTokens);
  }

  static String anthropicReply(String content, int inputTokens, int outputTokens) {
    return """
        {"id":"msg_01","type":"message","role":"assistant","model":"claude-3-5-haiku-latest",
         "content":[{"type":"text","text":%s}],"stop_reason":"end_turn","stop_sequence":null,
         "usage":{"input_tokens":%d,"output_tokens":%d}}
        """
        .formatted(quote(content), inputTokens, outputTokens);
  }

  static String openAiError(String message, String type) {
    return "{\"error\":{\"message\":%s,\"type\":\"%s\"}}".formatted(quote(message), type);
  }

  static String anthropicError(String message, String type) {
    return "{\"type\":\"error\",\"error\":{\"type\":\"%s\",\"message\":%s}}"
        .formatted(type, quote(message));
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
