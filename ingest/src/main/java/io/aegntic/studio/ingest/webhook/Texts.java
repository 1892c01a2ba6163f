package io.aegntic.studio.ingest.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small helpers the normalisers share: hashtags from text, epoch times of either unit. */
public final class Texts {
  private static final Pattern HASHTAG = Pattern.compile("#([\\p{L}\\p{N}_]+)");

  private Texts() {}

  /** The distinct hashtags of a text, lower case, without '#'. */
  public static List<String> hashtags(String text) {
    List<String> tags = new ArrayList<>();
    if (text != null) {
      Matcher m = HASHTAG.matcher(text);
      while (m.find()) {
        String tag = m.group(1).toLowerCase(Locale.ROOT);
        if (!tags.contains(tag)) {
          tags.add(tag);
        }
      }
    }
    return tags;
  }

  /** An epoch time in seconds or milliseconds (told apart by size), or the fallback. */
  public static Instant epoch(long value, Instant fallback) {
    if (value <= 0) {
      return fallback;
    }
    return value > 100_000_000_000L ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
  }
}
