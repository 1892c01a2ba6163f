package io.aegntic.studio.serving.generation;

import io.aegntic.studio.events.Platform;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each platform's limits, and their enforcement on a draft: hashtag count, text length (body plus
 * hashtags), title length; text is cut at a word boundary and every cut is reported. Lengths are
 * counted in Unicode code points (X weighs some characters double; we stay conservative by not
 * relying on that). Limits marked "ours" are conservative defaults, not platform rules.
 */
public record PlatformLimits(int maxText, int maxHashtags, int maxTitle) {

  private static final Pattern INLINE_TAG = Pattern.compile("(?<![\\w#])#(\\w+)");

  private static final Map<Platform, PlatformLimits> LIMITS =
      Map.of(
          Platform.X, new PlatformLimits(280, 3, 0), // hashtags: ours
          Platform.LINKEDIN, new PlatformLimits(3_000, 5, 0), // hashtags: ours
          Platform.INSTAGRAM, new PlatformLimits(2_200, 30, 0),
          Platform.TIKTOK, new PlatformLimits(2_200, 10, 0), // hashtags: ours
          Platform.YOUTUBE, new PlatformLimits(5_000, 15, 100), // description; hashtags: ours
          Platform.FACEBOOK, new PlatformLimits(63_206, 10, 0)); // hashtags: ours

  /** The limits of {@code platform}; throws for a platform nobody posts drafts to (Stripe). */
  public static PlatformLimits of(Platform platform) {
    PlatformLimits limits = LIMITS.get(platform);
    if (limits == null) {
      throw new IllegalArgumentException("no drafts for platform " + platform.id());
    }
    return limits;
  }

  /** A draft's parts after enforcement, with a note per cut. */
  public record Limited(String title, String body, List<String> hashtags, List<String> trimmed) {}

  /** Enforces these limits on a title (dropped where the platform has none), body and hashtags. */
  public Limited apply(String title, String body, List<String> hashtags) {
    List<String> notes = new ArrayList<>();
    List<String> tags = normalize(hashtags);
    String text = body == null ? "" : body.strip();

    int inline = countInline(text);
    if (inline > maxHashtags) {
      text = untagInlineBeyond(text, maxHashtags);
      notes.add("body: " + inline + " inline hashtags, kept " + maxHashtags + " as hashtags");
      inline = maxHashtags;
    }
    int allowed = maxHashtags - inline;
    if (tags.size() > allowed) {
      notes.add("hashtags: kept " + allowed + " of " + tags.size() + " (max " + maxHashtags + ")");
      tags = new ArrayList<>(tags.subList(0, allowed));
    }
    if (length(compose(text, tags)) > maxText) {
      while (!tags.isEmpty() && length(compose("", tags)) > maxText / 4) {
        notes.add("hashtags: dropped " + tags.remove(tags.size() - 1) + " to fit " + maxText);
      }
      int budget = maxText - (tags.isEmpty() ? 0 : length(compose("", tags)) + 2);
      int before = length(text);
      text = cutAtWord(text, budget);
      notes.add("body: trimmed from " + before + " to " + length(text) + " characters");
    }
    String t = null;
    if (maxTitle > 0 && title != null && !title.isBlank()) {
      t = title.strip();
      if (length(t) > maxTitle) {
        int before = length(t);
        t = cutAtWord(t, maxTitle);
        notes.add("title: trimmed from " + before + " to " + length(t) + " characters");
      }
    }
    return new Limited(t, text, List.copyOf(tags), List.copyOf(notes));
  }

  /** Body, then the hashtags on their own line after a blank line. */
  static String compose(String body, List<String> hashtags) {
    String tags = String.join(" ", hashtags);
    if (tags.isEmpty()) {
      return body;
    }
    return body.isEmpty() ? tags : body + "\n\n" + tags;
  }

  /** {@code text} cut to at most {@code max} code points, at a word boundary, ending in "…". */
  static String cutAtWord(String text, int max) {
    if (length(text) <= max) {
      return text;
    }
    if (max <= 1) {
      return max == 1 ? "…" : "";
    }
    String prefix = text.substring(0, text.offsetByCodePoints(0, max - 1));
    int space = -1;
    for (int i = prefix.length() - 1; i > 0; i--) {
      if (Character.isWhitespace(prefix.charAt(i))) {
        space = i;
        break;
      }
    }
    if (space >= prefix.length() / 2) {
      prefix = prefix.substring(0, space);
    }
    return prefix.replaceAll("[\\s\\p{Punct}&&[^#@)\"'”]]+$", "") + "…";
  }

  static int length(String s) {
    return s.codePointCount(0, s.length());
  }

  /** Hashtags as "#word": '#' added, invalid characters removed, duplicates (any case) dropped. */
  static List<String> normalize(List<String> hashtags) {
    Map<String, String> unique = new LinkedHashMap<>();
    if (hashtags != null) {
      for (String raw : hashtags) {
        String word = raw == null ? "" : raw.strip().replaceFirst("^#+", "").replaceAll("\\W", "");
        if (!word.isEmpty()) {
          unique.putIfAbsent(word.toLowerCase(Locale.ROOT), "#" + word);
        }
      }
    }
    return new ArrayList<>(unique.values());
  }

  static int countInline(String text) {
    int n = 0;
    Matcher m = INLINE_TAG.matcher(text);
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static String untagInlineBeyond(String text, int keep) {
    Matcher m = INLINE_TAG.matcher(text);
    StringBuilder out = new StringBuilder();
    int seen = 0;
    while (m.find()) {
      seen++;
      m.appendReplacement(out, Matcher.quoteReplacement(seen <= keep ? m.group() : m.group(1)));
    }
    m.appendTail(out);
    return out.toString();
  }
}
