package io.aegntic.studio.serving.generation;

import io.aegntic.studio.events.Platform;
import io.aegntic.studio.events.RuleTrigger;
import java.util.List;

/**
 * What to draft: the kind of content, its topic, the platform, the tone, keywords to use, and
 * optionally the rule firing that asked for it (its metric values, comments and hashtags become
 * context). A topic or a trigger is required.
 */
public record DraftRequest(
    DraftType type,
    String topic,
    Platform platform,
    String tone,
    List<String> keywords,
    RuleTrigger trigger) {

  public static final String DEFAULT_TONE = "friendly";

  public DraftRequest {
    if (platform == null) {
      throw new IllegalArgumentException("platform is required");
    }
    PlatformLimits.of(platform); // rejects platforms nobody posts to
    type = type == null ? DraftType.POST : type;
    topic = topic == null || topic.isBlank() ? null : topic.strip();
    tone = tone == null || tone.isBlank() ? DEFAULT_TONE : tone.strip();
    keywords =
        keywords == null
            ? List.of()
            : keywords.stream().filter(k -> k != null && !k.isBlank()).map(String::strip).toList();
    if (topic == null && trigger == null) {
      throw new IllegalArgumentException("a topic or a rule trigger is required");
    }
  }

  /** A request from a rule firing, with settings from the rule's action (tone, platform, ...). */
  public static DraftRequest forTrigger(RuleTrigger trigger, Platform platform, String tone) {
    String topic = trigger.action().settings().get("topic");
    String type = trigger.action().settings().get("type");
    String keywords = trigger.action().settings().getOrDefault("keywords", "");
    return new DraftRequest(
        type == null ? DraftType.POST : DraftType.of(type),
        topic,
        platform,
        tone,
        List.of(keywords.split(",")),
        trigger);
  }
}
