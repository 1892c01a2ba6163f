package io.aegntic.studio.serving.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aegntic.studio.events.AutomationRule;
import io.aegntic.studio.events.Platform;
import io.aegntic.studio.events.RuleTrigger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OfflineDrafterTest {
  final OfflineDrafter drafter =
      new OfflineDrafter(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

  static RuleTrigger trigger(List<String> hashtags) {
    return new RuleTrigger(
        "t_1",
        "r1",
        "creator-1",
        "post-42",
        Instant.parse("2026-01-01T00:00:00Z"),
        Instant.parse("2026-01-01T00:00:00Z"),
        87.5,
        80,
        Map.of("engagement_score", 87.5),
        List.of("This is the best tutorial I've seen", "more please"),
        hashtags,
        new AutomationRule.Action(AutomationRule.ActionType.DRAFT_CONTENT, Map.of()));
  }

  @Test
  void theSameRequestGivesTheSameTemplateDraft() {
    DraftRequest request =
        new DraftRequest(
            DraftType.POST,
            "editing tips",
            Platform.INSTAGRAM,
            "excited",
            List.of("editing", "tips"),
            trigger(List.of("#reels")));
    Draft first = drafter.generate(request).block();
    Draft second = new OfflineDrafter().generate(request).block();

    assertThat(first.template()).isTrue();
    assertThat(first.generation().provider()).isEqualTo("offline");
    assertThat(first.generation().succeeded()).isTrue();
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(second.hashtags()).isEqualTo(first.hashtags());
    assertThat(first.body())
        .isEqualTo(
            "Wow, you all showed up! Your response to post-42 on editing tips just passed 80"
                + " (now 87.50). Think editing, tips. One of you said: \"This is the best"
                + " tutorial I've seen\" What do you think? Tell me below.");
    assertThat(first.hashtags()).containsExactly("#editing", "#tips", "#reels");
  }

  @Test
  void toneAndPlatformShapeTheDraft() {
    Draft linkedin =
        drafter
            .generate(
                new DraftRequest(
                    DraftType.POST,
                    "our Q3 results",
                    Platform.LINKEDIN,
                    "professional",
                    List.of(),
                    null))
            .block();
    assertThat(linkedin.body())
        .isEqualTo(
            "A quick update.\n\nLet's talk about our Q3 results.\n\n"
                + "What is your take? I read every comment.");

    Draft youtube =
        drafter
            .generate(
                new DraftRequest(
                    DraftType.VIDEO, "studio tour", Platform.YOUTUBE, null, null, null))
            .block();
    assertThat(youtube.title()).isEqualTo("Studio tour");
    assertThat(youtube.body()).endsWith("Watch to the end and subscribe for more.");
  }

  @Test
  void xDraftsStayWithinTheLimitsAndSkipComments() {
    List<String> many = IntStream.range(0, 12).mapToObj(i -> "trend" + i).toList();
    Draft x =
        drafter
            .generate(
                new DraftRequest(
                    DraftType.POST,
                    "a very long topic ".repeat(20),
                    Platform.X,
                    "casual",
                    List.of("one", "two"),
                    trigger(many)))
            .block();
    assertThat(x.text().codePointCount(0, x.text().length())).isLessThanOrEqualTo(280);
    assertThat(x.hashtags()).hasSize(3);
    assertThat(x.body()).doesNotContain("One of you said");
    assertThat(x.trimmed()).isNotEmpty();
  }

  @Test
  void aRequestNeedsATopicOrATrigger() {
    assertThatThrownBy(
            () -> new DraftRequest(DraftType.POST, " ", Platform.X, "casual", List.of(), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a topic or a rule trigger is required");
    assertThatThrownBy(() -> DraftType.of("poem"))
        .hasMessageContaining("unknown draft type 'poem'");
  }
}
