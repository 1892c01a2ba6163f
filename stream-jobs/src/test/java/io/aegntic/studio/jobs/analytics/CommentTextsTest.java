package io.aegntic.studio.jobs.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.aegntic.studio.events.DeadLetter;
import io.aegntic.studio.events.EventPayload;
import io.aegntic.studio.events.EventType;
import io.aegntic.studio.events.Platform;
import io.aegntic.studio.events.StudioEvent;
import io.aegntic.studio.jobs.analytics.Contribution.Kind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.junit.jupiter.api.Test;

/** The sentiment job's input: comments and mentions with a text, nothing else. */
class CommentTextsTest {
  private final TestEvents ev = new TestEvents("texts-creator", Platform.TIKTOK);

  private StudioEvent said(EventType type, String content, String text) {
    return ev.event(
        "t-" + type + "-" + text,
        type,
        content,
        3,
        new EventPayload.Comment("c", text, null, null));
  }

  @Test
  void onlyCommentsAndMentionsWithATextAreKept() {
    StudioEvent comment = said(EventType.COMMENT, "p1", "great video");
    StudioEvent mention = said(EventType.MENTION, null, "@creator hello");
    List<Incoming> in =
        List.of(
            Incoming.of(comment),
            Incoming.of(said(EventType.COMMENT, "p1", "   ")),
            Incoming.of(ev.like("p1", 4, 3)),
            Incoming.of(mention),
            Incoming.dead(
                new DeadLetter("kafka", "?", "unparseable_event", "bad", Instant.EPOCH, "")));
    List<StudioEvent> out = new ArrayList<>();
    CommentTexts.WithText filter = new CommentTexts.WithText();
    for (Incoming i : in) {
      filter.flatMap(i, new ListCollector<>(out));
    }
    assertThat(out).containsExactly(comment, mention);
  }

  @Test
  void aCommentBecomesItsTextToScore() {
    StudioEvent mention = said(EventType.MENTION, null, "@creator hello");
    Contribution c = new CommentTexts.ToText().map(said(EventType.COMMENT, "p1", "great video"));
    assertThat(c.kind()).isEqualTo(Kind.COMMENT_TEXT);
    assertThat(c.label()).isEqualTo("great video");
    assertThat(c.contentId()).isEqualTo("p1");
    assertThat(c.creatorId()).isEqualTo("texts-creator");
    assertThat(c.platform()).isEqualTo(Platform.TIKTOK);
    assertThat(c.timestamp()).isEqualTo(TestEvents.at(3));
    assertThat(c.key()).isEqualTo(ev.key());
    Contribution m = new CommentTexts.ToText().map(mention);
    assertThat(m.contentId()).isNull(); // counts for the creator only
    assertThat(m.label()).isEqualTo("@creator hello");
  }
}
