package io.aegntic.studio.jobs.examples;

import io.aegntic.studio.events.EventPayload;
import io.aegntic.studio.events.StudioEvent;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Every unordered pair of distinct hashtags in one post or comment, each counted once. Tags are
 * compared without '#' and case, so "#Launch" and "launch" are one tag.
 */
final class HashtagPairs implements FlatMapFunction<StudioEvent, HashtagPair> {
  private static final long serialVersionUID = 1L;

  @Override
  public void flatMap(StudioEvent event, Collector<HashtagPair> out) {
    List<String> tags;
    if (event.payload() instanceof EventPayload.PostPublished post) {
      tags = post.hashtags();
    } else if (event.payload() instanceof EventPayload.Comment comment) {
      tags = comment.hashtags();
    } else {
      return;
    }
    TreeSet<String> distinct = new TreeSet<>();
    for (String tag : tags) {
      String t = tag.strip().replaceFirst("^#", "").toLowerCase(Locale.ROOT);
      if (!t.isEmpty()) {
        distinct.add(t);
      }
    }
    List<String> sorted = List.copyOf(distinct);
    for (int i = 0; i < sorted.size(); i++) {
      for (int j = i + 1; j < sorted.size(); j++) {
        out.collect(new HashtagPair(event.creatorId(), sorted.get(i), sorted.get(j), 1));
      }
    }
  }
}
