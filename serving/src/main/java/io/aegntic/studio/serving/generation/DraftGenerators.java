package io.aegntic.studio.serving.generation;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the configured {@link DraftGenerator}. langchain4j's own retries and request/response
 * logging are off: retries follow our {@link RetryPolicy}, and logs must not carry prompts or keys.
 * A hosted provider without an API key falls back to the {@link OfflineDrafter}.
 */
public final class DraftGenerators {
  private static final Logger LOG = LoggerFactory.getLogger(DraftGenerators.class);

  private DraftGenerators() {}

  public static DraftGenerator create(GenerationSettings settings) {
    return create(settings, Clock.systemUTC());
  }

  public static DraftGenerator create(GenerationSettings s, Clock clock) {
    GenerationSettings.Provider provider = s.provider();
    boolean needsKey =
        provider == GenerationSettings.Provider.OPENAI
            || provider == GenerationSettings.Provider.ANTHROPIC;
    if (provider == GenerationSettings.Provider.OFFLINE || (needsKey && s.apiKey() == null)) {
      if (provider != GenerationSettings.Provider.OFFLINE) {
        LOG.warn("no API key configured for {}; drafts are offline templates", provider.id());
      }
      LOG.info("draft generation: offline template drafter");
      return new OfflineDrafter(clock);
    }
    ChatModel model =
        switch (provider) {
          case OPENAI -> openAi(s);
          case ANTHROPIC -> anthropic(s);
          case OLLAMA -> ollama(s);
          case OFFLINE -> throw new IllegalStateException("handled above");
        };
    LOG.info("draft generation: {} model {} at {}", provider.id(), s.model(), s.baseUrl());
    return new ChatModelDrafter(
        provider.id(), s.model(), model, s.retry(), s.prices(), clock, s.apiKey());
  }

  static ChatModel openAi(GenerationSettings s) {
    return OpenAiChatModel.builder()
        .baseUrl(s.baseUrl())
        .apiKey(s.apiKey())
        .modelName(s.model())
        .maxTokens(s.maxTokens())
        .timeout(s.timeout())
        .maxRetries(0)
        .logRequests(false)
        .logResponses(false)
        .build();
  }

  static ChatModel anthropic(GenerationSettings s) {
    return AnthropicChatModel.builder()
        .baseUrl(s.baseUrl())
        .apiKey(s.apiKey())
        .version(s.anthropicVersion())
        .modelName(s.model())
        .maxTokens(s.maxTokens())
        .timeout(s.timeout())
        .maxRetries(0)
        .logRequests(false)
        .logResponses(false)
        .build();
  }

  static ChatModel ollama(GenerationSettings s) {
    return OllamaChatModel.builder()
        .baseUrl(s.baseUrl())
        .modelName(s.model())
        .numPredict(s.maxTokens())
        .timeout(s.timeout())
        .maxRetries(0)
        .logRequests(false)
        .logResponses(false)
        .build();
  }
}
