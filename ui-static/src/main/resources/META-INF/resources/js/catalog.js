// Metric families and the value names the analytics job writes (events' MetricUpdate contract).
import { PLATFORMS } from "./limits.js";

export const FAMILIES = {
  engagement: {
    label: "Engagement",
    values: {
      engagement_score: "Engagement score (Studio's own)",
      engagement_rate: "Engagement rate (%)",
      engagements: "Engagements",
      likes: "Likes",
      comments: "Comments",
      shares: "Shares",
      saves: "Saves",
      views: "Views",
      reach: "Reach",
    },
  },
  audience: { label: "Audience", values: { followers: "Followers", followers_change: "Follower change" } },
  sentiment: {
    label: "Sentiment",
    values: {
      negative_share: "Negative share",
      mean_polarity: "Mean polarity",
      negative: "Negative comments",
      neutral: "Neutral comments",
      positive: "Positive comments",
    },
  },
  trend: {
    label: "Trends",
    values: {
      velocity: "Velocity",
      anomaly_score: "Anomaly score",
      value: "Value",
      forecast: "Forecast",
      forecast_low: "Forecast low",
      forecast_high: "Forecast high",
      trending: "Trending (0/1)",
    },
  },
  revenue: {
    label: "Revenue",
    values: {
      mrr: "MRR (minor units)",
      revenue: "Revenue (minor units)",
      new_subscriptions: "New subscriptions",
      churned_subscriptions: "Churned subscriptions",
      refunds: "Refunds",
    },
  },
};

export function metricLabel(family, name) {
  return FAMILIES[family]?.values?.[name] || name;
}

/** Fills a <select> with the platforms that content can be written for. */
export function fillPlatforms(select, { includeAll = false } = {}) {
  select.replaceChildren();
  if (includeAll) select.append(new Option("Any platform", ""));
  for (const [id, p] of Object.entries(PLATFORMS)) select.append(new Option(p.label, id));
}

export function platformLabel(id) {
  return PLATFORMS[id]?.label || (id ? String(id) : "All platforms");
}
