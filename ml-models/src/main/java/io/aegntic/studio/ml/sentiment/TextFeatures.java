package io.aegntic.studio.ml.sentiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cheap lexical features hashed into a fixed number of buckets: word unigrams and bigrams with
 * negation scope marked, emoticons and emoji. They catch sentiment cues (emoji, "not good") that a
 * mean-pooled sentence embedding blurs.
 */
final class TextFeatures {
  private static final Pattern TOKEN =
      Pattern.compile(
          "[:;=8x][-o*']?[)\\](\\[dDpP/\\\\|3]+"
              + "|<3|[#@]?[\\p{L}\\p{N}_]+(?:'[\\p{L}]+)?"
              + "|[!?.,;]+"
              + "|[\\p{So}\\p{Cs}]+");
  private static final Pattern REPEATS = Pattern.compile("(\\p{L})\\1{2,}");

  private final int bits;

  TextFeatures(int bits) {
    if (bits < 4 || bits > 24) {
      throw new IllegalArgumentException("hash bits must be 4..24, got " + bits);
    }
    this.bits = bits;
  }

  int buckets() {
    return 1 << bits;
  }

  /** Bucket ids of the text's features; each should be weighted 1/sqrt(count). */
  int[] buckets(String text) {
    List<String> tokens = tokens(text);
    List<String> feats = new ArrayList<>(tokens.size() * 2 + 1);
    feats.add("<bias>");
    String prev = "<s>";
    for (String t : tokens) {
      feats.add(t);
      feats.add(prev + "|" + t);
      prev = t;
    }
    int[] ids = new int[feats.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = mix(feats.get(i).hashCode()) >>> (32 - bits);
    }
    return ids;
  }

  /** Lower-cased tokens; words after a negation up to the next punctuation get a "neg_" prefix. */
  static List<String> tokens(String text) {
    Matcher m = TOKEN.matcher(text);
    List<String> out = new ArrayList<>();
    boolean negated = false;
    while (m.find()) {
      String raw = m.group();
      String t = raw.toLowerCase(Locale.ROOT);
      char first = t.charAt(0);
      if (first == '!' || first == '?' || first == '.' || first == ',' || first == ';') {
        negated = false;
        out.add(t.length() > 1 ? t.substring(0, 2) : t);
        continue;
      }
      if (Character.isLetter(first) || first == '#') {
        String squeezed = REPEATS.matcher(t).replaceAll("$1$1");
        if (!squeezed.equals(t)) {
          out.add("<elongated>");
        }
        t = squeezed;
        if (t.startsWith("#")) {
          out.add(t);
          t = t.substring(1);
        }
        out.add(negated ? "neg_" + t : t);
        if (isNegation(t)) {
          negated = true;
        }
        continue;
      }
      if (Character.isSurrogate(first) || Character.getType(first) == Character.OTHER_SYMBOL) {
        raw.codePoints().distinct().forEach(cp -> out.add(new String(Character.toChars(cp))));
        continue;
      }
      out.add(t);
    }
    return out;
  }

  private static boolean isNegation(String t) {
    return t.equals("not")
        || t.equals("no")
        || t.equals("never")
        || t.equals("cannot")
        || t.equals("nothing")
        || t.equals("nobody")
        || t.endsWith("n't");
  }

  /** MurmurHash3's finaliser: spreads String.hashCode (stable across JVMs) over all bits. */
  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }
}
