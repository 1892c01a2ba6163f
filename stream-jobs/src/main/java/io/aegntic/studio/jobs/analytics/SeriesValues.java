package io.aegntic.studio.jobs.analytics;

import io.aegntic.studio.events.MetricUpdate.Family;
import io.aegntic.studio.events.MetricUpdate.Scope;
import java.util.LinkedHashMap;
import java.util.Map;

/** The named values of a window, as docs/metrics.md lists them per family. */
final class SeriesValues {
  private SeriesValues() {}

  /**
   * {@code knownFollowers} is the creator's latest follower count on the platform (-1 when none is
   * known): the reach of engagement when the platform reports neither views nor impressions.
   */
  static Map<String, Double> of(SeriesWindow w, long knownFollowers) {
    Map<String, Double> v = new LinkedHashMap<>();
    switch (w.family) {
      case ENGAGEMENT -> {
        if (w.scope == Scope.HASHTAG) {
          v.put("mentions", (double) w.mentions);
          break;
        }
        long engagements = w.likes + w.comments + w.shares + w.saves;
        long reach = Math.max(w.views, w.impressions);
        if (reach <= 0 && knownFollowers > 0) {
          reach = knownFollowers;
        }
        v.put("likes", (double) w.likes);
        v.put("comments", (double) w.comments);
        v.put("shares", (double) w.shares);
        v.put("saves", (double) w.saves);
        v.put("views", (double) w.views);
        v.put("engagements", (double) engagements);
        v.put("reach", (double) Math.max(reach, 0));
        if (reach > 0) {
          v.put("engagement_rate", engagements * 100.0 / reach);
        }
        v.put("engagement_score", EngagementScore.score(w.weighted));
      }
      case AUDIENCE -> {
        if (w.followers >= 0) {
          v.put("followers", (double) w.followers);
        }
        v.put("followers_change", (double) w.followersChange);
      }
      case REVENUE -> {
        if (w.mrr >= 0) {
          v.put("mrr", (double) w.mrr);
        }
        v.put("new_subscriptions", (double) w.newSubscriptions);
        v.put("churned_subscriptions", (double) w.churnedSubscriptions);
        v.put("refunds", (double) w.refunds);
        v.put("revenue", (double) w.revenue);
      }
      case SENTIMENT -> {
        long total = w.negative + w.neutral + w.positive;
        v.put("negative", (double) w.negative);
        v.put("neutral", (double) w.neutral);
        v.put("positive", (double) w.positive);
        if (total > 0) {
          v.put("mean_polarity", (double) (w.positive - w.negative) / total);
          v.put("negative_share", (double) w.negative / total);
        }
      }
      default -> throw new IllegalStateException("the windows do not compute " + w.family);
    }
    return v;
  }

  /**
   * The labels of a window: the currency of money, or up to three recent comment texts ({@code
   * top_comment_1} newest) of a sentiment window, which the automation topology quotes.
   */
  static Map<String, String> labels(SeriesWindow w) {
    if (w.currency != null) {
      return Map.of("currency", w.currency);
    }
    Map<String, String> labels = new LinkedHashMap<>();
    if (w.family == Family.SENTIMENT) {
      put(labels, "top_comment_1", w.recent1);
      put(labels, "top_comment_2", w.recent2);
      put(labels, "top_comment_3", w.recent3);
    }
    return labels;
  }

  private static void put(Map<String, String> labels, String name, String text) {
    if (text != null) {
      labels.put(name, text);
    }
  }
}
