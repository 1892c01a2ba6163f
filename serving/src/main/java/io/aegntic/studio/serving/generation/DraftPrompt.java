package io.aegntic.studio.serving.generation;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.aegntic.studio.events.Platform;
import io.aegntic.studio.events.RuleTrigger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The prompt sent to a model for a draft, and the parsing of its reply. The model is asked for a
 * TITLE/BODY/HASHTAGS layout; a reply without it is taken as the body.
 */
final class DraftPrompt {
  private DraftPrompt() {}

  static final String SYSTEM =
      """
      You write social media drafts for a content creator, in their voice.
      Reply in exactly this layout and nothing else:
      TITLE: <a title, only when the platform has titles>
      BODY:
      <the post text, without hashtags>
      HASHTAGS: #one #two
      """;

  static ChatRequest request(DraftRequest r) {
    return ChatRequest.builder()
        .messages(SystemMessage.from(SYSTEM), UserMessage.from(user(r)))
        .build();
  }

  static String user(DraftRequest r) {
    PlatformLimits limits = PlatformLimits.of(r.platform());
    StringBuilder b = new StringBuilder();
    b.append("Write a ").append(r.type().id()).append(" for ").append(r.platform().id());
    b.append(" in a ").append(r.tone()).append(" tone.\n");
    b.append("Limits: at most ").append(limits.maxText()).append(" characters including hashtags");
    b.append(", at most ").append(limits.maxHashtags()).append(" hashtags");
    if (limits.maxTitle() > 0) {
      b.append(", a title of at most ").append(limits.maxTitle()).append(" characters");
    }
    b.append(".\n");
    if (r.topic() != null) {
      b.append("Topic: ").append(r.topic()).append('\n');
    }
    if (!r.keywords().isEmpty()) {
      b.append("Keywords: ").append(String.join(", ", r.keywords())).append('\n');
    }
    RuleTrigger t = r.trigger();
    if (t != null) {
      b.append("Why now: ")
          .append(t.subject())
          .append(" reached ")
          .append(t.value())
          .append(" (threshold ")
          .append(t.threshold())
          .append(").\n");
      Map<String, Double> sorted = new TreeMap<>(t.metricValues());
      if (!sorted.isEmpty()) {
        b.append("Metrics: ").append(sorted).append('\n');
      }
      for (String c : t.topComments()) {
        b.append("Top comment: ").append(c).append('\n');
      }
      if (!t.trendingHashtags().isEmpty()) {
        b.append("Trending hashtags: ").append(String.join(" ", t.trendingHashtags())).append('\n');
      }
    }
    return b.toString();
  }

  /** Title, body and hashtags of a model's reply. */
  record Parsed(String title, String body, List<String> hashtags) {}

  static Parsed parse(String reply, Platform platform) {
    String title = null;
    List<String> tags = new ArrayList<>();
    StringBuilder body = new StringBuilder();
    for (String line : (reply == null ? "" : reply.strip()).split("\\R", -1)) {
      String upper = line.strip().toUpperCase(Locale.ROOT);
      if (upper.startsWith("TITLE:")) {
        title = line.strip().substring(6).strip();
      } else if (upper.startsWith("HASHTAGS:")) {
        for (String word : line.strip().substring(9).split("[\\s,]+")) {
          if (!word.isBlank()) {
            tags.add(word);
          }
        }
      } else if (upper.startsWith("BODY:")) {
        String rest = line.strip().substring(5).strip();
        if (!rest.isEmpty()) {
          body.append(rest).append('\n');
        }
      } else {
        body.append(line).append('\n');
      }
    }
    return new Parsed(
        platform == Platform.YOUTUBE ? title : null, body.toString().strip(), List.copyOf(tags));
  }
}
