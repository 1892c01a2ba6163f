package io.aegntic.studio.serving.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GenerationSettingsTest {
  static final String KEY = "sk-secret-0123456789";

  @Test
  void nothingConfiguredMeansOfflineTemplates() {
    GenerationSettings s = GenerationSettings.from(key -> null);
    assertThat(s.provider()).isEqualTo(GenerationSettings.Provider.OFFLINE);
    assertThat(DraftGenerators.create(s)).isInstanceOf(OfflineDrafter.class);
  }

  @Test
  void aHostedProviderWithoutAKeyFallsBackToOffline() {
    GenerationSettings s =
        GenerationSettings.from(Map.of("studio.generation.provider", "openai")::get);
    assertThat(DraftGenerators.create(s)).isInstanceOf(OfflineDrafter.class);
  }

  @Test
  void settingsAreReadAndTheKeyIsRedactedWhenPrinted() {
    GenerationSettings s =
        GenerationSettings.from(
            Map.of(
                    "studio.generation.provider", "Anthropic",
                    "studio.generation.api-key", KEY,
                    "studio.generation.timeout", "45s",
                    "studio.generation.max-retries", "4",
                    "studio.generation.prices", "my-model=1/2")
                ::get);
    assertThat(s.provider()).isEqualTo(GenerationSettings.Provider.ANTHROPIC);
    assertThat(s.baseUrl()).isEqualTo("https://api.anthropic.com/v1/");
    assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(45));
    assertThat(s.retry().maxRetries()).isEqualTo(4);
    assertThat(s.prices().cost("my-model", 1_000_000, 1_000_000)).isEqualByComparingTo("3");
    assertThat(s.toString()).doesNotContain(KEY).contains("[redacted]");
    assertThat(DraftGenerators.create(s)).isInstanceOf(ChatModelDrafter.class);
  }

  @Test
  void badValuesAreRejectedNamingTheProperty() {
    assertThatThrownBy(
            () -> GenerationSettings.from(Map.of("studio.generation.provider", "gemini")::get))
        .hasMessageContaining("unknown provider 'gemini'");
    assertThatThrownBy(
            () -> GenerationSettings.from(Map.of("studio.generation.timeout", "soon")::get))
        .hasMessageContaining("studio.generation.timeout");
    assertThatThrownBy(
            () -> GenerationSettings.from(Map.of("studio.generation.prices", "x=1")::get))
        .hasMessageContaining("studio.generation.prices");
    assertThat(GenerationSettings.parseDuration("PT2S")).isEqualTo(Duration.ofSeconds(2));
    assertThat(GenerationSettings.parseDuration("250ms")).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void retriesOnlyRateLimitsServerErrorsAndTimeouts() {
    assertThat(RetryPolicy.retriable(new dev.langchain4j.exception.HttpException(429, "x")))
        .isTrue();
    assertThat(RetryPolicy.retriable(new dev.langchain4j.exception.HttpException(503, "x")))
        .isTrue();
    assertThat(RetryPolicy.retriable(new dev.langchain4j.exception.HttpException(401, "x")))
        .isFalse();
    assertThat(RetryPolicy.retriable(new dev.langchain4j.exception.HttpException(400, "x")))
        .isFalse();
    assertThat(
            RetryPolicy.retriable(
                new RuntimeException(new java.net.http.HttpTimeoutException("t"))))
        .isTrue();
  }
}
