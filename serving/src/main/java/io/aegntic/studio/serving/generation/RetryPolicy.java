package io.aegntic.studio.serving.generation;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RetriableException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * When a provider call is tried again: up to {@code maxRetries} more times with exponential backoff
 * from {@code initialBackoff} (capped at {@code maxBackoff}), on rate limits (429), server errors
 * (5xx) and timeouts only. Authentication and other client errors (4xx) fail at once.
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff) {

  public RetryPolicy {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("max retries must be >= 0, was " + maxRetries);
    }
  }

  public static RetryPolicy defaults() {
    return new RetryPolicy(2, Duration.ofMillis(500), Duration.ofSeconds(5));
  }

  /** Whether {@code error} (or a cause) is a rate limit, a server error or a timeout. */
  public static boolean retriable(Throwable error) {
    Integer status = status(error);
    if (status != null) {
      return status == 429 || status == 408 || status >= 500;
    }
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof HttpTimeoutException
          || t instanceof java.net.SocketTimeoutException
          || t instanceof java.util.concurrent.TimeoutException
          || t instanceof dev.langchain4j.exception.TimeoutException) {
        return true;
      }
      if (t instanceof NonRetriableException) {
        return false;
      }
      if (t instanceof RetriableException) {
        return true;
      }
    }
    return false;
  }

  /** The HTTP status in {@code error}'s causes, or null. */
  static Integer status(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof HttpException http) {
        return http.statusCode();
      }
    }
    return null;
  }

  /** A short reason for a failed generation, without the response body. */
  static String reason(Throwable error) {
    Integer status = status(error);
    if (status != null) {
      String what =
          switch (status) {
            case 401, 403 -> "authentication failed";
            case 429 -> "rate limited";
            case 408 -> "timed out";
            default -> status >= 500 ? "provider error" : "request rejected";
          };
      return what + " (HTTP " + status + ")";
    }
    if (retriable(error)) {
      return "timed out";
    }
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? "" : ": " + root.getMessage().lines().findFirst().orElse("");
    return "failed: "
        + root.getClass().getSimpleName()
        + (message.length() > 160 ? message.substring(0, 160) : message);
  }
}
