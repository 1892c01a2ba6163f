package io.aegntic.studio.serving.generate;

import io.aegntic.studio.events.Platform;
import io.aegntic.studio.serving.auth.Tenancy;
import io.aegntic.studio.serving.config.ApiException;
import io.aegntic.studio.serving.generation.Draft;
import io.aegntic.studio.serving.generation.DraftGenerator;
import io.aegntic.studio.serving.generation.DraftRequest;
import io.aegntic.studio.serving.generation.DraftType;
import io.aegntic.studio.serving.generation.GenerationRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/content/generate}: drafts a post with the configured provider (the same {@link
 * DraftGenerator} rule actions use) and returns it with its generation record. Nothing is stored;
 * the client saves the draft through {@code /api/content/items} if the user keeps it.
 */
@RestController
class GenerateController {
  private static final int MAX_TOPIC = 500;
  private static final int MAX_KEYWORDS = 20;

  private final DraftGenerator generator;
  private final Tenancy tenancy;

  GenerateController(DraftGenerator generator, Tenancy tenancy) {
    this.generator = generator;
    this.tenancy = tenancy;
  }

  /** {@code type} defaults to post, {@code tone} to friendly; {@code keywords} optional. */
  record GenerateRequest(
      String type, String topic, String platform, String tone, List<String> keywords) {}

  record Generation(
      String provider,
      String model,
      Instant startedAt,
      long durationMs,
      int attempts,
      Integer inputTokens,
      Integer outputTokens,
      BigDecimal estimatedCostUsd,
      String status,
      String errorReason) {
    static Generation of(GenerationRecord g) {
      return new Generation(
          g.provider(),
          g.model(),
          g.startedAt(),
          g.duration() == null ? 0 : g.duration().toMillis(),
          g.attempts(),
          g.inputTokens(),
          g.outputTokens(),
          g.estimatedCostUsd(),
          g.status().name().toLowerCase(java.util.Locale.ROOT),
          g.errorReason());
    }
  }

  record GenerateResponse(
      String platform,
      String type,
      String title,
      String body,
      List<String> hashtags,
      String text,
      boolean template,
      List<String> trimmed,
      Generation generation) {
    static GenerateResponse of(Draft d) {
      return new GenerateResponse(
          d.platform().id(),
          d.type().id(),
          d.title(),
          d.body(),
          d.hashtags(),
          d.text(),
          d.template(),
          d.trimmed(),
          Generation.of(d.generation()));
    }
  }

  @PostMapping("/api/content/generate")
  Mono<GenerateResponse> generate(
      @AuthenticationPrincipal Jwt jwt, @RequestBody GenerateRequest body) {
    DraftRequest request = request(body);
    // Only signed-in users with a creator may spend provider tokens.
    return tenancy.resolve(jwt, null).then(generator.generate(request)).map(GenerateResponse::of);
  }

  static DraftRequest request(GenerateRequest body) {
    if (body == null) {
      throw ApiException.badRequest("bad_request", "a request body is required");
    }
    if (body.topic() != null && body.topic().length() > MAX_TOPIC) {
      throw ApiException.badRequest("bad_topic", "topic must be at most " + MAX_TOPIC + " chars");
    }
    if (body.keywords() != null && body.keywords().size() > MAX_KEYWORDS) {
      throw ApiException.badRequest("bad_keywords", "at most " + MAX_KEYWORDS + " keywords");
    }
    if (body.tone() != null && body.tone().length() > 40) {
      throw ApiException.badRequest("bad_tone", "tone must be at most 40 chars");
    }
    try {
      if (body.platform() == null || body.platform().isBlank()) {
        throw new IllegalArgumentException("platform is required");
      }
      Platform platform = Platform.of(body.platform().strip());
      DraftType type =
          body.type() == null || body.type().isBlank() ? null : DraftType.of(body.type());
      if (body.topic() == null || body.topic().isBlank()) {
        throw new IllegalArgumentException("topic is required");
      }
      return new DraftRequest(type, body.topic(), platform, body.tone(), body.keywords(), null);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("bad_request", e.getMessage());
    }
  }
}
