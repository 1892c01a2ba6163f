package io.aegntic.studio.serving.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aegntic.studio.events.Platform;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PlatformLimitsTest {

  static int length(String s) {
    return s.codePointCount(0, s.length());
  }

  @Test
  void xTextIsCutAtAWordBoundaryWithinTwoHundredEightyCharacters() {
    String body = "Every creator knows the feeling of a post taking off. ".repeat(10);
    PlatformLimits.Limited limited =
        PlatformLimits.of(Platform.X).apply(null, body, List.of("growth", "#creators"));
    String text = PlatformLimits.compose(limited.body(), limited.hashtags());
    assertThat(length(text)).isLessThanOrEqualTo(280);
    assertThat(limited.body()).endsWith("…");
    String cut = limited.body().substring(0, limited.body().length() - 1);
    assertThat(body).startsWith(cut);
    assertThat(body.charAt(cut.length())).isIn(' ', '.');
    assertThat(limited.hashtags()).containsExactly("#growth", "#creators");
    assertThat(limited.trimmed()).containsExactly("body: trimmed from 539 to 258 characters");
  }

  @Test
  void textWithinTheLimitIsUntouched() {
    PlatformLimits.Limited limited =
        PlatformLimits.of(Platform.LINKEDIN).apply("a title", "Short post.", List.of("#one"));
    assertThat(limited.body()).isEqualTo("Short post.");
    assertThat(limited.title()).isNull(); // LinkedIn posts have no title
    assertThat(limited.trimmed()).isEmpty();
  }

  @Test
  void instagramKeepsAtMostThirtyHashtagsCountingThoseInTheText() {
    List<String> tags = IntStream.range(0, 40).mapToObj(i -> "tag" + i).toList();
    PlatformLimits.Limited limited =
        PlatformLimits.of(Platform.INSTAGRAM).apply(null, "Look #sunset #beach", tags);
    assertThat(limited.hashtags()).hasSize(28).startsWith("#tag0");
    assertThat(limited.trimmed()).containsExactly("hashtags: kept 28 of 40 (max 30)");
  }

  @Test
  void tooManyInlineHashtagsLoseTheirHashSign() {
    PlatformLimits.Limited limited =
        PlatformLimits.of(Platform.X).apply(null, "#a #b #c #d #e done", List.of("#f"));
    assertThat(limited.body()).isEqualTo("#a #b #c d e done");
    assertThat(limited.hashtags()).isEmpty();
  }

  @Test
  void duplicateAndMalformedHashtagsAreNormalised() {
    assertThat(PlatformLimits.normalize(List.of("#Cats", "cats", "##dogs!", " ", "new york")))
        .containsExactly("#Cats", "#dogs", "#newyork");
  }

  @Test
  void youtubeTitleIsCutToOneHundredAndDescriptionToFiveThousand() {
    String title =
        "How I grew my channel from zero to one hundred thousand subscribers in a year ".repeat(2);
    String description = "word ".repeat(1_200);
    PlatformLimits.Limited limited =
        PlatformLimits.of(Platform.YOUTUBE).apply(title, description, List.of());
    assertThat(length(limited.title())).isLessThanOrEqualTo(100);
    assertThat(length(limited.body())).isLessThanOrEqualTo(5_000);
    assertThat(limited.trimmed()).hasSize(2);
  }

  @Test
  void longHashtagListsGiveWayBeforeTheText() {
    List<String> tags =
        List.of(
            "averyveryverylonghashtagnumberone",
            "anotherveryverylonghashtagtwo",
            "yetanotherverylonghashtagthree");
    PlatformLimits.Limited limited =
        PlatformLimits.of(Platform.X).apply(null, "x ".repeat(200), tags);
    assertThat(length(PlatformLimits.compose("", limited.hashtags()))).isLessThanOrEqualTo(70);
    assertThat(length(PlatformLimits.compose(limited.body(), limited.hashtags())))
        .isLessThanOrEqualTo(280);
  }

  @Test
  void stripeIsNotAPlatformToDraftFor() {
    assertThatThrownBy(() -> PlatformLimits.of(Platform.STRIPE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("stripe");
  }
}
