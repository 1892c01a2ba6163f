// Reads GET /api/analytics/dashboard and alert events into the shapes the command center renders.
// serving's Dashboard: {period, from, to, followers, engagementRate, mrr: Kpi, automationHealth:
// {successRate: Kpi, succeeded, failed, running, enabledRules}, topPosts: [{contentId, engagements,
// engagementRate, engagementsChange: Kpi}], trends: [{scope, subject, value, forecast, velocity,
// anomalyScore, trending, valueChange}]} with Kpi = {current, previous, change, changePct}.
// Tolerant on purpose: a card may also be a bare number.

const CARD_KEYS = {
  followers: ["followers", "audience"],
  "engagement-rate": ["engagementRate", "engagement_rate", "engagement"],
  mrr: ["mrr", "revenue"],
  automation: ["automationHealth", "automation_health", "automation"],
};

function pick(obj, keys) {
  for (const k of keys) if (obj && obj[k] !== undefined && obj[k] !== null) return obj[k];
  return undefined;
}

function num(v) {
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

export function readCard(key, raw) {
  if (raw === undefined) return null;
  if (typeof raw === "number") return { value: raw, source: "dashboard" };
  if (typeof raw !== "object") return null;
  const card = {
    value: num(pick(raw, ["value", "current", "total", "rate", "mrr", "followers"])),
    previous: num(pick(raw, ["previous", "prior", "previousValue", "previousPeriod"])),
    change: num(pick(raw, ["change", "delta", "diff"])),
    currency: pick(raw, ["currency"]),
    source: "dashboard",
  };
  if (key === "automation") Object.assign(card, readAutomation(raw));
  return card;
}

// Automation health: a success rate as the value, with firings and failures as the note.
function readAutomation(raw) {
  const rateRaw = pick(raw, ["successRate", "success_rate", "healthPercent"]);
  const rate = num(rateRaw) ?? num(rateRaw?.current);
  const enabled = num(pick(raw, ["enabledRules", "rulesEnabled", "activeRules", "enabled"]));
  const succeeded = num(raw.succeeded);
  const failures = num(pick(raw, ["failures", "failed", "errors"]));
  const firings = num(pick(raw, ["firings", "executions", "triggers", "fired"])) ?? (succeeded !== undefined ? succeeded + (failures ?? 0) : undefined);
  const status = pick(raw, ["status", "state", "health"]);
  let value = rate;
  if (value === undefined && firings !== undefined && failures !== undefined && firings > 0) {
    value = Math.round(((firings - failures) / firings) * 1000) / 10;
  }
  if (value === undefined) value = typeof status === "string" ? status : enabled !== undefined ? `${enabled} rules on` : undefined;
  const notes = [];
  if (enabled !== undefined && typeof value === "number") notes.push(`${enabled} rules on`);
  if (firings !== undefined) notes.push(`${firings} firings`);
  if (failures !== undefined) notes.push(`${failures} failed`);
  const out = { value, note: notes.join(" · ") || undefined };
  if (value === undefined && firings === 0) out.value = "No runs";
  if (rateRaw && typeof rateRaw === "object") {
    out.previous = num(rateRaw.previous);
    out.change = num(rateRaw.change);
  } else {
    out.previous = undefined;
    out.change = undefined;
  }
  return out;
}

/** {cards: {key: card}, posts: [trend updates], hashtags: [trend updates], alerts: [raw]} */
export function readDashboard(body) {
  const b = body && typeof body === "object" ? body : {};
  const src = b.cards && typeof b.cards === "object" ? b.cards : b;
  const cards = {};
  const label = b.period ? `vs previous ${String(b.period).replace(/^(\d+)([a-z])$/, "$1 $2")}` : "vs previous period";
  for (const [key, names] of Object.entries(CARD_KEYS)) {
    const c = readCard(key, pick(src, names));
    if (c && c.value !== undefined) {
      if (c.previous !== undefined) c.changeLabel = label;
      cards[key] = c;
    }
  }
  const trends = pick(b, ["trends", "trending"]);
  let posts = pick(b, ["topPosts", "top_posts", "posts"]) || [];
  let hashtags = pick(b, ["hashtags", "topHashtags", "trendingHashtags"]) || [];
  if (Array.isArray(trends)) {
    posts = posts.concat(trends.filter((t) => t.scope === "content"));
    hashtags = hashtags.concat(trends.filter((t) => t.scope === "hashtag"));
  } else if (trends && typeof trends === "object") {
    posts = posts.concat(pick(trends, ["posts", "content"]) || []);
    hashtags = hashtags.concat(pick(trends, ["hashtags"]) || []);
  }
  return {
    cards,
    posts: asArray(posts).map((x) => toTrendUpdate(x, "content")).filter(Boolean),
    hashtags: asArray(hashtags).map((x) => toTrendUpdate(x, "hashtag")).filter(Boolean),
    alerts: asArray(pick(b, ["alerts", "recentAlerts"]) || []),
  };
}

function asArray(x) {
  return Array.isArray(x) ? x : [];
}

/** A trend summary (MetricUpdate-shaped or flat) as a MetricUpdate-like object. */
export function toTrendUpdate(x, scope) {
  if (!x || typeof x !== "object") return null;
  const subject = pick(x, ["subject", "contentId", "hashtag", "id", "name"]);
  if (!subject) return null;
  const values = x.values && typeof x.values === "object" ? { ...x.values } : {};
  if (x.engagementRate !== undefined && values.engagement_rate === undefined) values.engagement_rate = num(x.engagementRate);
  for (const k of ["value", "forecast", "forecast_low", "forecast_high", "velocity", "anomaly_score", "trending", "engagements", "engagement_score"]) {
    const camel = k.replace(/_(\w)/g, (_, c) => c.toUpperCase());
    const v = num(x[k] ?? x[camel]);
    if (v !== undefined && values[k] === undefined) values[k] = v;
  }
  if (typeof x.trending === "boolean") values.trending = x.trending ? 1 : 0;
  if (values.value === undefined) values.value = values.engagements ?? values.engagement_score ?? num(x.change);
  const labels = { ...(x.labels || {}) };
  if (x.title && !labels.title) labels.title = x.title;
  return {
    family: "trend",
    scope: x.scope || scope,
    subject: String(subject),
    platform: x.platform || null,
    windowStart: x.windowStart || x.time || x.at || new Date(0).toISOString(),
    emission: x.emission || "final",
    emittedAt: x.emittedAt || x.windowStart || new Date(0).toISOString(),
    values,
    labels,
  };
}

/** An alert event or a stored alert: {id, title, message, severity, at, ruleId, contentId}. */
export function normalizeAlert(a, sseId) {
  const x = a && typeof a === "object" ? a : { message: String(a) };
  const ruleName = x.ruleName || x.rule?.name;
  const value = num(x.value);
  const threshold = num(x.threshold);
  let message = x.message || x.text || x.summary || x.description;
  if (!message && value !== undefined) {
    message = `${x.metric || "value"} ${value}${threshold !== undefined ? ` (threshold ${threshold})` : ""}${x.subject ? ` on ${x.subject}` : ""}`;
  }
  return {
    id: String(x.id || x.alertId || x.triggerId || x.executionId || sseId || `${x.ruleId}-${x.firedAt || x.at || Math.random()}`),
    title: x.title || ruleName || (x.ruleId ? `Rule ${x.ruleId}` : "Alert"),
    message,
    severity: x.severity || x.level || "info",
    at: x.occurredAt || x.firedAt || x.createdAt || x.at || x.emittedAt || x.time || new Date().toISOString(),
    ruleId: x.ruleId,
    contentId: x.contentId || x.draftId || x.data?.contentId || x.data?.draftId,
  };
}
