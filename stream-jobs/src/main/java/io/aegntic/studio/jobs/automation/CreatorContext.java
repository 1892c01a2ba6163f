package io.aegntic.studio.jobs.automation;

import io.aegntic.studio.events.MetricUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recent context of one creator, gathered from metric labels and hashtag metrics, that a firing
 * carries along: top comments per subject ({@code labels.top_comment_1..n}) and hashtags seen in
 * hashtag-scope updates within the last hour (trend {@code trending=1} first, then by mentions).
 */
record CreatorContext(Map<String, Comments> comments, Map<String, Hashtag> hashtags) {

  static final Duration HASHTAG_HORIZON = Duration.ofHours(1);
  static final int MAX_COMMENTS = 3;
  static final int MAX_HASHTAGS = 5;
  private static final int MAX_ENTRIES = 50;
  private static final String COMMENT_LABEL = "top_comment_";

  /** The top comments of one subject as of one window. */
  record Comments(Instant windowEnd, List<String> texts) {}

  /** A hashtag's latest standing. */
  record Hashtag(boolean trending, double engagements, Instant windowEnd) {}

  CreatorContext {
    comments = comments == null ? Map.of() : Map.copyOf(comments);
    hashtags = hashtags == null ? Map.of() : Map.copyOf(hashtags);
  }

  static CreatorContext empty() {
    return new CreatorContext(Map.of(), Map.of());
  }

  /** This context with what {@code update} tells about comments and hashtags, or itself. */
  CreatorContext with(MetricUpdate update) {
    Map<String, Comments> c = comments;
    List<String> texts = topComments(update.labels());
    Comments known = comments.get(update.subject());
    if (!texts.isEmpty() && (known == null || !update.windowEnd().isBefore(known.windowEnd()))) {
      c = new HashMap<>(comments);
      c.put(update.subject(), new Comments(update.windowEnd(), texts));
      c = newest(c, Comments::windowEnd);
    }
    Map<String, Hashtag> h = hashtags;
    if (update.scope() == MetricUpdate.Scope.HASHTAG) {
      Hashtag next = hashtag(update, hashtags.get(tag(update.subject())));
      if (next != null) {
        h = new HashMap<>(hashtags);
        h.put(tag(update.subject()), next);
        h = newest(h, Hashtag::windowEnd);
      }
    }
    return c == comments && h == hashtags ? this : new CreatorContext(c, h);
  }

  /** Top comments of {@code subject}, or else of the most recent subject that has some. */
  List<String> commentsFor(String subject) {
    Comments own = comments.get(subject);
    if (own != null) {
      return own.texts();
    }
    return comments.values().stream()
        .max(Comparator.comparing(Comments::windowEnd))
        .map(Comments::texts)
        .orElse(List.of());
  }

  /** Hashtags seen within the horizon before {@code now}: trending first, then engagements. */
  List<String> trendingHashtags(Instant now) {
    Instant from = now.minus(HASHTAG_HORIZON);
    return hashtags.entrySet().stream()
        .filter(e -> !e.getValue().windowEnd().isBefore(from))
        .sorted(
            Comparator.comparing((Map.Entry<String, Hashtag> e) -> !e.getValue().trending())
                .thenComparing(e -> -e.getValue().engagements())
                .thenComparing(Map.Entry::getKey))
        .limit(MAX_HASHTAGS)
        .map(Map.Entry::getKey)
        .toList();
  }

  private static List<String> topComments(Map<String, String> labels) {
    List<Map.Entry<String, String>> found = new ArrayList<>();
    labels.forEach(
        (k, v) -> {
          if (k.startsWith(COMMENT_LABEL) && v != null && !v.isBlank()) {
            found.add(Map.entry(k, v));
          }
        });
    found.sort(Comparator.comparing((Map.Entry<String, String> e) -> rank(e.getKey())));
    return found.stream().limit(MAX_COMMENTS).map(Map.Entry::getValue).toList();
  }

  private static int rank(String label) {
    try {
      return Integer.parseInt(label.substring(COMMENT_LABEL.length()));
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE;
    }
  }

  private static Hashtag hashtag(MetricUpdate u, Hashtag known) {
    if (known != null && u.windowEnd().isBefore(known.windowEnd())) {
      return null;
    }
    boolean trending = known != null && known.trending();
    double engagements = known == null ? 0 : known.engagements();
    if (u.family() == MetricUpdate.Family.TREND && !Double.isNaN(u.value("trending"))) {
      trending = u.value("trending") >= 1;
    } else if (u.family() == MetricUpdate.Family.ENGAGEMENT && !Double.isNaN(activity(u))) {
      engagements = activity(u);
    } else {
      return null;
    }
    return new Hashtag(trending, engagements, u.windowEnd());
  }

  /** Mentions of the hashtag in the window (what the job emits), or else its engagements. */
  private static double activity(MetricUpdate u) {
    double mentions = u.value("mentions");
    return Double.isNaN(mentions) ? u.value("engagements") : mentions;
  }

  private static String tag(String subject) {
    return subject.startsWith("#") ? subject : "#" + subject;
  }

  private static <V> Map<String, V> newest(
      Map<String, V> entries, java.util.function.Function<V, Instant> time) {
    if (entries.size() <= MAX_ENTRIES) {
      return entries;
    }
    Map<String, V> kept = new HashMap<>();
    entries.entrySet().stream()
        .sorted(
            Comparator.comparing((Map.Entry<String, V> e) -> time.apply(e.getValue())).reversed())
        .limit(MAX_ENTRIES)
        .forEach(e -> kept.put(e.getKey(), e.getValue()));
    return kept;
  }
}
