package io.aegntic.studio.serving.generation;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

/**
 * The generation configuration ({@code studio.generation.*}, or the matching STUDIO_GENERATION_*
 * environment variables). The API key is never printed: {@link #toString()} redacts it.
 */
public record GenerationSettings(
    Provider provider,
    String baseUrl,
    String model,
    String apiKey,
    Duration timeout,
    int maxTokens,
    RetryPolicy retry,
    PriceTable prices,
    String anthropicVersion) {

  /** Which drafter to use. */
  public enum Provider {
    OPENAI("https://api.openai.com/v1", "gpt-4o-mini"),
    ANTHROPIC("https://api.anthropic.com/v1/", "claude-3-5-haiku-latest"),
    OLLAMA("http://127.0.0.1:11434", "llama3.2"),
    OFFLINE(null, OfflineDrafter.MODEL);

    final String defaultBaseUrl;
    final String defaultModel;

    Provider(String defaultBaseUrl, String defaultModel) {
      this.defaultBaseUrl = defaultBaseUrl;
      this.defaultModel = defaultModel;
    }

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Provider of(String id) {
      if (id == null || id.isBlank()) {
        return OFFLINE;
      }
      for (Provider p : values()) {
        if (p.id().equalsIgnoreCase(id.strip())) {
          return p;
        }
      }
      throw new IllegalArgumentException(
          "studio.generation.provider: unknown provider '"
              + id
              + "' (one of openai, anthropic, ollama, offline)");
    }
  }

  /** Reads the settings through {@code property} (e.g. Spring's Environment::getProperty). */
  public static GenerationSettings from(Function<String, String> property) {
    Provider provider = Provider.of(property.apply("studio.generation.provider"));
    String baseUrl = or(property.apply("studio.generation.base-url"), provider.defaultBaseUrl);
    String model = or(property.apply("studio.generation.model"), provider.defaultModel);
    RetryPolicy defaults = RetryPolicy.defaults();
    RetryPolicy retry =
        new RetryPolicy(
            integer(property, "studio.generation.max-retries", defaults.maxRetries()),
            duration(property, "studio.generation.retry-backoff", defaults.initialBackoff()),
            duration(property, "studio.generation.retry-max-backoff", defaults.maxBackoff()));
    return new GenerationSettings(
        provider,
        baseUrl,
        model,
        blankToNull(property.apply("studio.generation.api-key")),
        duration(property, "studio.generation.timeout", Duration.ofSeconds(30)),
        integer(property, "studio.generation.max-tokens", 800),
        retry,
        PriceTable.parse(property.apply("studio.generation.prices")),
        or(property.apply("studio.generation.anthropic-version"), "2023-06-01"));
  }

  @Override
  public String toString() {
    return "GenerationSettings[provider=%s, baseUrl=%s, model=%s, apiKey=%s, timeout=%s, retry=%s]"
        .formatted(
            provider.id(), baseUrl, model, apiKey == null ? "none" : "[redacted]", timeout, retry);
  }

  /** "30s", "500ms", "2m", ISO-8601 ("PT30S") or plain milliseconds. */
  static Duration parseDuration(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    try {
      if (v.startsWith("pt")) {
        return Duration.parse(v.toUpperCase(Locale.ROOT));
      } else if (v.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).strip()));
      } else if (v.endsWith("s")) {
        return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1).strip()));
      } else if (v.endsWith("m")) {
        return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1).strip()));
      }
      return Duration.ofMillis(Long.parseLong(v));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a duration: '" + value + "' (e.g. 30s, 500ms)");
    }
  }

  private static Duration duration(Function<String, String> p, String key, Duration fallback) {
    String v = p.apply(key);
    try {
      return v == null || v.isBlank() ? fallback : parseDuration(v);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + ": " + e.getMessage());
    }
  }

  private static int integer(Function<String, String> p, String key, int fallback) {
    String v = p.apply(key);
    try {
      return v == null || v.isBlank() ? fallback : Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + ": not a number: '" + v + "'");
    }
  }

  private static String or(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
