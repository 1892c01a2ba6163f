package io.aegntic.studio.ml.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextFeaturesTest {
  @Test
  void negationScopeRunsToPunctuation() {
    assertThat(TextFeatures.tokens("This is NOT good, but fine"))
        .containsSubsequence("not", "neg_good", ",", "but", "fine")
        .doesNotContain("neg_but");
  }

  @Test
  void contractionsNegateToo() {
    assertThat(TextFeatures.tokens("I don't like it")).contains("neg_like", "neg_it");
  }

  @Test
  void emojiEmoticonsAndElongationBecomeTokens() {
    assertThat(TextFeatures.tokens("soooo happy :) \uD83D\uDE0D"))
        .contains("<elongated>", "soo", ":)", "\uD83D\uDE0D");
  }

  @Test
  void hashtagsKeepTheWordAndTheTag() {
    assertThat(TextFeatures.tokens("#Blessed day")).contains("#blessed", "blessed");
  }

  @Test
  void bucketsAreStableAndInRange() {
    TextFeatures f = new TextFeatures(10);
    int[] a = f.buckets("same text here");
    assertThat(a).isEqualTo(f.buckets("same text here"));
    assertThat(java.util.Arrays.stream(a).boxed().toList()).allMatch(b -> b >= 0 && b < 1024);
  }

  @Test
  void rejectsAbsurdBucketCounts() {
    assertThatThrownBy(() -> new TextFeatures(30)).isInstanceOf(IllegalArgumentException.class);
  }
}
