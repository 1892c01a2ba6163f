package io.aegntic.studio.serving.generation;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Drafts through a langchain4j {@link ChatModel} (OpenAI-compatible, Anthropic or Ollama), with the
 * {@link RetryPolicy}, platform limits, token usage and estimated cost. The blocking model call
 * runs on the bounded-elastic scheduler. Logs never contain the API key.
 */
public final class ChatModelDrafter implements DraftGenerator {
  private static final Logger LOG = LoggerFactory.getLogger(ChatModelDrafter.class);

  private final String provider;
  private final String model;
  private final ChatModel chat;
  private final RetryPolicy retry;
  private final PriceTable prices;
  private final Clock clock;
  private final String secret;

  ChatModelDrafter(
      String provider,
      String model,
      ChatModel chat,
      RetryPolicy retry,
      PriceTable prices,
      Clock clock,
      String secret) {
    this.provider = provider;
    this.model = model;
    this.chat = chat;
    this.retry = retry;
    this.prices = prices;
    this.clock = clock;
    this.secret = secret;
  }

  @Override
  public Mono<Draft> generate(DraftRequest request) {
    return Mono.defer(
        () -> {
          Instant started = clock.instant();
          AtomicInteger attempts = new AtomicInteger();
          return Mono.fromCallable(
                  () -> {
                    attempts.incrementAndGet();
                    return chat.chat(DraftPrompt.request(request));
                  })
              .subscribeOn(Schedulers.boundedElastic())
              .retryWhen(
                  Retry.backoff(retry.maxRetries(), retry.initialBackoff())
                      .maxBackoff(retry.maxBackoff())
                      .filter(RetryPolicy::retriable)
                      .doBeforeRetry(
                          s ->
                              LOG.info(
                                  "{} draft attempt {} {}; retrying",
                                  provider,
                                  s.totalRetries() + 1,
                                  redact(RetryPolicy.reason(s.failure()))))
                      .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
              .map(response -> drafted(request, response, started, attempts.get()))
              .onErrorResume(e -> Mono.just(failed(request, e, started, attempts.get())));
        });
  }

  private Draft drafted(DraftRequest request, ChatResponse response, Instant started, int tries) {
    String used = response.modelName() == null ? model : response.modelName();
    TokenUsage usage = response.tokenUsage();
    Integer in = usage == null ? null : usage.inputTokenCount();
    Integer out = usage == null ? null : usage.outputTokenCount();
    String text = response.aiMessage() == null ? null : response.aiMessage().text();
    DraftPrompt.Parsed parsed = DraftPrompt.parse(text, request.platform());
    boolean empty = parsed.body().isBlank();
    GenerationRecord record =
        new GenerationRecord(
            provider,
            used,
            started,
            Duration.between(started, clock.instant()),
            tries,
            in,
            out,
            prices.cost(used, in, out),
            empty ? GenerationRecord.Status.FAILED : GenerationRecord.Status.SUCCEEDED,
            empty ? "empty reply" : null);
    PlatformLimits.Limited limited =
        PlatformLimits.of(request.platform())
            .apply(parsed.title(), parsed.body(), parsed.hashtags());
    LOG.info(
        "{}/{} draft for {} {} after {} attempt(s), {} ms",
        provider,
        used,
        request.platform().id(),
        record.status(),
        tries,
        record.duration().toMillis());
    return new Draft(
        request.platform(),
        request.type(),
        limited.title(),
        limited.body(),
        limited.hashtags(),
        false,
        limited.trimmed(),
        record);
  }

  private Draft failed(DraftRequest request, Throwable error, Instant started, int tries) {
    String reason = redact(RetryPolicy.reason(error));
    LOG.warn("{}/{} draft failed after {} attempt(s): {}", provider, model, tries, reason);
    GenerationRecord record =
        new GenerationRecord(
            provider,
            model,
            started,
            Duration.between(started, clock.instant()),
            tries,
            null,
            null,
            null,
            GenerationRecord.Status.FAILED,
            reason);
    return new Draft(
        request.platform(),
        request.type(),
        null,
        "",
        java.util.List.of(),
        false,
        java.util.List.of(),
        record);
  }

  private String redact(String text) {
    return secret == null || secret.isEmpty() ? text : text.replace(secret, "[redacted]");
  }
}
