// Command center: metric cards, live per-minute charts, trending posts and hashtags, alert feed.
// Seeded from GET /api/analytics/dashboard, then kept moving by the SSE stream.
import * as api from "../api.js";
import { $, h, clear, stateFor, announce, fmtNumber, fmtPercent, fmtMoney, fmtTime } from "../dom.js";
import { TimeChart } from "../charts.js";
import { CreatorSeries, LatestBySubject, LatestLevel, toMillis } from "../series.js";
import { readDashboard, normalizeAlert } from "./dashboard-model.js";
import { renderTrends } from "./trends.js";

let engagement, sentiment, trendPosts, trendTags, followers, mrr;
let engagementChart, sentimentChart;
let cards = {};
let alerts = [];
let alertIds = new Set();
let visible = false;
let refreshTimer = null;
let wasLive = false;
let renderQueued = false;
let seeded = false;

const MINUTE = 60_000;
const HISTORY = [
  ["engagement", "engagements"],
  ["engagement", "reach"],
  ["engagement", "engagement_rate"],
  ["sentiment", "positive"],
  ["sentiment", "neutral"],
  ["sentiment", "negative"],
];

export function init() {
  engagementChart = new TimeChart(
    $("#chart-engagement"),
    [
      { label: "Engagements", color: "--c-engagement" },
      { label: "Engagement rate", color: "--c-rate", scale: "pct", dash: [6, 4] },
    ],
    { summary: (d) => summarize(d, ["engagements", "engagement rate %"]), pctFormat: (v) => `${v}%` },
  );
  sentimentChart = new TimeChart(
    $("#chart-sentiment"),
    [
      { label: "Positive", color: "--c-pos" },
      { label: "Neutral", color: "--c-neu" },
      { label: "Negative", color: "--c-neg" },
    ],
    { summary: (d) => summarize(d, ["positive", "neutral", "negative"]) },
  );
  $("#command-period").addEventListener("change", () => {
    // The comparison changes with the period; live levels stay.
    for (const key of Object.keys(cards)) if (!cards[key].live || key === "engagement-rate") delete cards[key];
    loadDashboard();
  });
  $("#alerts-clear").addEventListener("click", () => {
    alerts = [];
    renderAlerts();
  });
  reset();
}

export function reset() {
  engagement = new CreatorSeries("engagement", 60);
  sentiment = new CreatorSeries("sentiment", 60);
  trendPosts = new LatestBySubject("trend", "content");
  trendTags = new LatestBySubject("trend", "hashtag");
  followers = new LatestLevel("audience", "followers");
  mrr = new LatestLevel("revenue", "mrr");
  cards = {};
  alerts = [];
  alertIds = new Set();
  wasLive = false;
  seeded = false;
  for (const key of ["followers", "engagement-rate", "mrr", "automation"]) renderCard(key);
  engagementChart?.setData([[], [], []]);
  sentimentChart?.setData([[], [], [], []]);
  $("#command-updated").textContent = "Waiting for data…";
  renderAll();
}

export function show() {
  visible = true;
  if (!seeded) seedHistory();
  loadDashboard();
  clearInterval(refreshTimer);
  refreshTimer = setInterval(loadDashboard, 60000);
}

export function hide() {
  visible = false;
  clearInterval(refreshTimer);
}

export function onConnection(state) {
  // After a gap, the stream resumes from Last-Event-ID; the dashboard refills anything older.
  if (state === "live" && wasLive === false && visible) loadDashboard();
  wasLive = state === "live";
}

async function loadDashboard() {
  try {
    const model = readDashboard(await api.dashboard($("#command-period").value));
    for (const [key, card] of Object.entries(model.cards)) {
      const prev = cards[key];
      // A level from the stream (followers, MRR) is newer than the summary: keep it, take the
      // comparison. The rate card shows the summary's period rate, not the last minute's.
      cards[key] = prev?.live && key !== "engagement-rate" ? { ...card, value: prev.value, currency: prev.currency || card.currency, live: true } : card;
      renderCard(key);
    }
    for (const t of model.posts) trendPosts.apply(t);
    for (const t of model.hashtags) trendTags.apply(t);
    for (const a of model.alerts) addAlert(a, null, false);
    renderAll();
  } catch (e) {
    if (e.status === 401) return;
    const [, msg] = stateFor(e, "The dashboard summary");
    $("#command-updated").textContent = msg;
  }
}

/**
 * Fills the last hour of the per-minute charts from InfluxDB, so they are not empty until the
 * stream has run for a while. Points are stored at window end; each becomes a final update with
 * an old emittedAt, so anything from the stream replaces it.
 */
async function seedHistory() {
  seeded = true;
  const to = new Date();
  const from = new Date(to.getTime() - 60 * MINUTE);
  const results = await Promise.allSettled(
    HISTORY.map(([family, field]) =>
      api.metrics({ metric: `${family}.${field}`, from: from.toISOString(), to: to.toISOString() }),
    ),
  );
  const merged = new Map();
  results.forEach((r, i) => {
    if (r.status !== "fulfilled") return;
    const [family, field] = HISTORY[i];
    for (const s of r.value?.series || []) {
      for (const p of s.points || []) {
        const end = Date.parse(p.time);
        if (Number.isNaN(end) || typeof p.value !== "number") continue;
        const key = `${family}|${s.creatorId}|${s.platform}|${end}`;
        if (!merged.has(key)) {
          merged.set(key, {
            creatorId: s.creatorId,
            family,
            scope: "creator",
            subject: s.creatorId,
            platform: !s.platform || s.platform === "all" ? null : s.platform,
            windowStart: new Date(end - MINUTE).toISOString(),
            windowEnd: new Date(end).toISOString(),
            emission: "final",
            values: {},
            labels: {},
            emittedAt: "1970-01-01T00:00:00Z",
          });
        }
        merged.get(key).values[field] = p.value;
      }
    }
  });
  for (const u of merged.values()) {
    engagement.apply(u);
    sentiment.apply(u);
  }
  if (merged.size) scheduleRender();
}

/** A MetricUpdate from the stream. */
export function onMetric(u) {
  if (!u || !u.family) return;
  let changed = false;
  if (engagement.apply(u)) changed = true;
  if (sentiment.apply(u)) changed = true;
  if (trendPosts.apply(u) || trendTags.apply(u)) changed = true;
  if (followers.apply(u)) {
    setLive("followers", followers.total());
    changed = true;
  }
  if (mrr.apply(u)) {
    setLive("mrr", mrr.total(), mrr.label("currency"));
    changed = true;
  }
  if (changed) {
    $("#command-updated").textContent = `Updated ${fmtTime(Date.now())} · ${u.family} ${u.emission || ""}`.trim();
    scheduleRender();
  }
}

export function onAlert(a, sseId) {
  const added = addAlert(a, sseId, true);
  if (added) announce(`Alert: ${added.title}${added.message ? `. ${added.message}` : ""}`);
  renderAlerts();
}

function addAlert(raw, sseId, fresh) {
  const a = normalizeAlert(raw, sseId);
  if (alertIds.has(a.id)) return null;
  alertIds.add(a.id);
  alerts.unshift({ ...a, fresh });
  alerts.sort((x, y) => toMillis(y.at) - toMillis(x.at));
  alerts = alerts.slice(0, 50);
  return a;
}

function setLive(key, value, currency) {
  const card = (cards[key] = cards[key] || {});
  if (card.value !== value) {
    if (card.live && typeof card.value === "number") card.lastLive = card.value;
    card.value = value;
    card.live = true;
    if (currency) card.currency = currency;
    renderCard(key, true);
  }
}

function scheduleRender() {
  if (renderQueued) return;
  renderQueued = true;
  requestAnimationFrame(() => {
    renderQueued = false;
    renderAll();
  });
}

function renderAll() {
  const e = engagement.columns(["engagements", "reach", "engagement_rate"]);
  const rate = e[1].map((eng, i) => {
    const reach = e[2][i];
    if (eng !== null && reach) return Math.round((eng / reach) * 10000) / 100;
    return e[3][i];
  });
  engagementChart.setData([e[0], e[1], rate]);
  const lastRate = [...rate].reverse().find((v) => v !== null);
  // The card shows the dashboard's period rate when serving has one; the per-minute rate otherwise.
  if (lastRate !== undefined && cards["engagement-rate"]?.source !== "dashboard") {
    cards["engagement-rate"] = { ...cards["engagement-rate"], note: "last minute" };
    setLive("engagement-rate", lastRate);
  }
  $("#engagement-last").textContent = e[0].length ? `${e[0].length} min` : "no data yet";
  const s = sentiment.columns(["positive", "neutral", "negative"]);
  sentimentChart.setData(s);
  $("#sentiment-last").textContent = s[0].length ? `${s[0].length} min` : "no data yet";
  renderTrends($("#trending-posts"), trendPosts.top(6), "content");
  renderTrends($("#trending-hashtags"), trendTags.top(8), "hashtag");
  renderAlerts();
}

const CARD_FORMAT = {
  followers: (v) => fmtNumber(v),
  "engagement-rate": (v) => fmtPercent(v),
  mrr: (v, c) => fmtMoney(v, c.currency || "USD"),
  automation: (v, c) => (typeof v === "number" ? fmtPercent(v) : v || "—"),
};

function renderCard(key, flash = false) {
  const el = $(`#card-${key}`);
  if (!el) return;
  const c = cards[key] || {};
  const valueEl = $(".metric-value", el);
  const changeEl = clear($(".metric-change", el));
  valueEl.textContent = CARD_FORMAT[key](c.value, c);
  el.dataset.value = c.value ?? "";
  const prev = typeof c.previous === "number" ? c.previous : c.lastLive;
  const change = typeof c.change === "number" && !c.live ? c.change : typeof c.value === "number" && typeof prev === "number" ? c.value - prev : null;
  if (change !== null) {
    const dir = change > 0 ? "up" : change < 0 ? "down" : "flat";
    const arrow = { up: "▲", down: "▼", flat: "▬" }[dir];
    const points = key === "engagement-rate" || key === "automation"; // percentages change in points
    const amount = points ? `${fmtNumber(Math.abs(change))} pp` : key === "mrr" ? fmtMoney(Math.abs(change), c.currency || "USD") : fmtNumber(Math.abs(change));
    const pct = typeof prev === "number" && prev !== 0 && !points ? ` (${fmtNumber((change / Math.abs(prev)) * 100)}%)` : "";
    changeEl.append(
      h("span", { class: dir, "data-trend": dir, "aria-hidden": "true" }, arrow + " "),
      h("span", { class: "visually-hidden" }, dir === "flat" ? "No change" : dir === "up" ? "Up " : "Down "),
      `${dir === "flat" ? "" : amount + pct} ${c.changeLabel || (typeof c.previous === "number" ? "vs previous period" : "vs last update")}`.trim(),
    );
    el.dataset.trend = dir;
  } else if (c.note) {
    changeEl.textContent = c.note;
  } else if (c.value === undefined || c.value === null) {
    changeEl.textContent = "No data yet";
  }
  if (c.note && change !== null) changeEl.append(h("span", { class: "muted" }, ` · ${c.note}`));
  if (flash) {
    el.classList.remove("flash");
    void el.offsetWidth;
    el.classList.add("flash");
  }
}

function renderAlerts() {
  const list = clear($("#alert-feed"));
  if (!alerts.length) {
    list.append(h("li", { class: "state", "data-testid": "alerts-empty" }, "No alerts yet. Rules that notify you show up here."));
    return;
  }
  for (const a of alerts) {
    list.append(
      h(
        "li",
        { "data-testid": "alert-item", "data-severity": a.severity, "data-rule-id": a.ruleId || null },
        h("span", { class: "alert-title" }, a.title),
        a.message ? h("span", {}, a.message) : null,
        h("br"),
        h("time", { class: "alert-time", datetime: new Date(toMillis(a.at)).toISOString() }, fmtTime(toMillis(a.at))),
        a.contentId ? h("a", { href: `#/studio?item=${encodeURIComponent(a.contentId)}`, class: "small alert-link", "data-testid": "alert-open" }, "Open in studio") : null,
      ),
    );
  }
}

function summarize(d, names) {
  const n = d[0]?.length ?? 0;
  if (!n) return "No data yet";
  const parts = names.map((name, i) => `${name} ${fmtNumber(d[i + 1]?.[n - 1])}`);
  return `Last minute: ${parts.join(", ")}`;
}

