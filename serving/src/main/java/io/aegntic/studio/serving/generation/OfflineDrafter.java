package io.aegntic.studio.serving.generation;

import io.aegntic.studio.events.Platform;
import io.aegntic.studio.events.RuleTrigger;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import reactor.core.publisher.Mono;

/**
 * The drafter used when no model provider is configured: composes a template draft from the request
 * (tone, topic, keywords), the trigger's context (subject, value, top comments, trending hashtags)
 * and the platform's rules. The same request always gives the same draft.
 */
public final class OfflineDrafter implements DraftGenerator {
  public static final String PROVIDER = "offline";
  public static final String MODEL = "template-v1";

  private final Clock clock;

  public OfflineDrafter(Clock clock) {
    this.clock = clock;
  }

  public OfflineDrafter() {
    this(Clock.systemUTC());
  }

  @Override
  public Mono<Draft> generate(DraftRequest request) {
    return Mono.fromSupplier(() -> draft(request));
  }

  Draft draft(DraftRequest request) {
    Instant started = clock.instant();
    Platform platform = request.platform();
    RuleTrigger trigger = request.trigger();
    List<String> sentences = new ArrayList<>();
    sentences.add(opener(request.tone()));
    sentences.add(core(request));
    if (!request.keywords().isEmpty()) {
      sentences.add("Think " + String.join(", ", request.keywords()) + ".");
    }
    if (trigger != null && !trigger.topComments().isEmpty() && platform != Platform.X) {
      sentences.add("One of you said: \"" + trigger.topComments().get(0) + "\"");
    }
    sentences.add(callToAction(request.type(), platform));
    String separator = platform == Platform.LINKEDIN ? "\n\n" : " ";
    String body = String.join(separator, sentences);

    List<String> tags = new ArrayList<>(request.keywords());
    if (trigger != null) {
      tags.addAll(trigger.trendingHashtags());
    }
    String title = platform == Platform.YOUTUBE ? capitalize(subject(request)) : null;
    PlatformLimits.Limited limited = PlatformLimits.of(platform).apply(title, body, tags);
    GenerationRecord record =
        new GenerationRecord(
            PROVIDER,
            MODEL,
            started,
            Duration.between(started, clock.instant()),
            1,
            null,
            null,
            BigDecimal.ZERO,
            GenerationRecord.Status.SUCCEEDED,
            null);
    return new Draft(
        platform,
        request.type(),
        limited.title(),
        limited.body(),
        limited.hashtags(),
        true,
        limited.trimmed(),
        record);
  }

  private static String opener(String tone) {
    return switch (tone.toLowerCase(Locale.ROOT)) {
      case "excited", "enthusiastic", "hype", "energetic" -> "Wow, you all showed up!";
      case "professional", "formal" -> "A quick update.";
      case "funny", "playful", "witty" -> "Okay, this is getting out of hand (in the best way).";
      case "informative", "educational" -> "Here is what the numbers say.";
      case "grateful", "thankful" -> "Thank you, truly.";
      default -> "Hey everyone!";
    };
  }

  private static String core(DraftRequest request) {
    RuleTrigger trigger = request.trigger();
    if (trigger == null) {
      return "Let's talk about " + request.topic() + ".";
    }
    String about = request.topic() == null ? "" : " on " + request.topic();
    return "Your response to "
        + trigger.subject()
        + about
        + " just passed "
        + number(trigger.threshold())
        + " (now "
        + number(trigger.value())
        + ").";
  }

  private static String subject(DraftRequest request) {
    if (request.topic() != null) {
      return request.topic();
    }
    return "What happened with " + request.trigger().subject();
  }

  private static String callToAction(DraftType type, Platform platform) {
    return switch (type) {
      case VIDEO -> "Watch to the end and subscribe for more.";
      case CAPTION -> "Double-tap if you agree.";
      case THREAD -> "More in the replies.";
      case REPLY -> "Thanks for being here.";
      case POST ->
          platform == Platform.LINKEDIN
              ? "What is your take? I read every comment."
              : "What do you think? Tell me below.";
    };
  }

  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15
        ? Long.toString((long) v)
        : String.format(Locale.ROOT, "%.2f", v);
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }
}
