package io.aegntic.studio.jobs.analytics;

import io.aegntic.studio.events.EventPayload;
import io.aegntic.studio.events.StudioEvent;
import io.aegntic.studio.jobs.analytics.Contribution.Kind;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.util.Collector;

/**
 * The texts {@link CommentSentimentJob} scores: every {@code comment} and {@code mention} with a
 * non-blank text. {@link WithText} keeps only those events (before the shuffle, so the other 60 %
 * of the topic never crosses the network); {@link ToText} turns one into a {@code COMMENT_TEXT}
 * contribution for {@link ScoreComments}.
 */
final class CommentTexts {
  private CommentTexts() {}

  /** The event's text to score, or null when it has none. */
  static String of(StudioEvent e) {
    return switch (e.type()) {
      case COMMENT, MENTION -> {
        String text = ((EventPayload.Comment) e.payload()).text();
        yield text == null || text.isBlank() ? null : text;
      }
      default -> null;
    };
  }

  /**
   * Parsed events with a text; the rest is dropped. Unparseable records are left to {@link
   * CreatorAnalyticsJob}, which dead-letters them: writing them twice would double the dead
   * letters.
   */
  static final class WithText implements FlatMapFunction<Incoming, StudioEvent> {
    private static final long serialVersionUID = 1L;

    @Override
    public void flatMap(Incoming in, Collector<StudioEvent> out) {
      if (in.event() != null && of(in.event()) != null) {
        out.collect(in.event());
      }
    }
  }

  /** A comment or mention as the contribution the model labels (its text as the label). */
  static final class ToText implements MapFunction<StudioEvent, Contribution> {
    private static final long serialVersionUID = 1L;

    @Override
    public Contribution map(StudioEvent e) {
      return ToContributions.of(e, e.occurredAt().toEpochMilli(), Kind.COMMENT_TEXT, 1)
          .withLabel(of(e));
    }
  }
}
