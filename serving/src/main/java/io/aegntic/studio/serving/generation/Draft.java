package io.aegntic.studio.serving.generation;

import io.aegntic.studio.events.Platform;
import java.util.List;

/**
 * A drafted post within its platform's limits. {@code title} is set only where the platform has
 * titles (YouTube). {@code template} marks a draft composed by the {@link OfflineDrafter}, not a
 * model. {@code trimmed} says what the platform limits cut. A failed generation has an empty body
 * and its reason in {@code generation}.
 */
public record Draft(
    Platform platform,
    DraftType type,
    String title,
    String body,
    List<String> hashtags,
    boolean template,
    List<String> trimmed,
    GenerationRecord generation) {

  public Draft {
    body = body == null ? "" : body;
    hashtags = hashtags == null ? List.of() : List.copyOf(hashtags);
    trimmed = trimmed == null ? List.of() : List.copyOf(trimmed);
  }

  /** The text as posted: the body, then the hashtags on their own line. */
  public String text() {
    return PlatformLimits.compose(body, hashtags);
  }

  public boolean succeeded() {
    return generation.succeeded();
  }
}
