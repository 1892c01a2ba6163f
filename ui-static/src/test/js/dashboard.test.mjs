// Unit tests of the dashboard's pure modules (no DOM). Optional, needs Node 20+:
//   node --experimental-detect-module --test ui-static/src/test/js/
import { test } from "node:test";
import assert from "node:assert/strict";

const base = "../../main/resources/META-INF/resources/js/";
const { WindowSeries, CreatorSeries, LatestBySubject, LatestLevel, supersedes, seriesKey } = await import(base + "series.js");
const { checkDraft, charCount } = await import(base + "limits.js");
const { toDuration, durationMinutes } = await import(base + "views/durations.js");
const { readDashboard, normalizeAlert } = await import(base + "views/dashboard-model.js");
const { backoff } = await import(base + "stream.js");

const m = (over) => ({
  creatorId: "c1", family: "engagement", scope: "creator", subject: "c1", platform: null,
  windowStart: "2026-01-01T10:00:00Z", windowEnd: "2026-01-01T10:01:00Z", emission: "early",
  values: { engagements: 1 }, labels: {}, emittedAt: "2026-01-01T10:00:30Z", ...over,
});

test("a window's final replaces its early point and a correction replaces the final", () => {
  const s = new WindowSeries();
  assert.ok(s.apply(m({ values: { engagements: 3 } })));
  assert.ok(s.apply(m({ emission: "final", values: { engagements: 5 }, emittedAt: "2026-01-01T10:01:05Z" })));
  assert.ok(s.apply(m({ emission: "correction", values: { engagements: 6 }, emittedAt: "2026-01-01T10:03:00Z" })));
  assert.equal(s.times().length, 1);
  assert.equal(s.get(s.times()[0]).values.engagements, 6);
});

test("an older emission replayed after a reconnect does not overwrite a newer one", () => {
  const s = new WindowSeries();
  s.apply(m({ emission: "final", values: { engagements: 5 }, emittedAt: "2026-01-01T10:01:05Z" }));
  assert.equal(s.apply(m({ values: { engagements: 2 } })), false);
  assert.equal(s.get(s.times()[0]).values.engagements, 5);
  assert.ok(supersedes(m({ emission: "final" }), m({ emission: "early" })), "same time: final wins");
});

test("the series is bounded and keeps the newest windows", () => {
  const s = new WindowSeries(3);
  for (let i = 0; i < 5; i++) s.apply(m({ windowStart: `2026-01-01T10:0${i}:00Z` }));
  assert.deepEqual(s.times().map((t) => new Date(t).toISOString().slice(11, 16)), ["10:02", "10:03", "10:04"]);
});

test("creator series sum platforms unless the all-platform series exists", () => {
  const c = new CreatorSeries("engagement");
  c.apply(m({ platform: "x", values: { engagements: 2 } }));
  c.apply(m({ platform: "instagram", values: { engagements: 3 } }));
  assert.deepEqual(c.columns(["engagements"])[1], [5]);
  c.apply(m({ platform: null, values: { engagements: 4 } }));
  assert.deepEqual(c.columns(["engagements"])[1], [4]);
  assert.equal(c.apply(m({ family: "sentiment" })), false);
  assert.equal(seriesKey(m({})), "engagement/creator/c1/all");
});

test("a user's several creators add up; one creator's platforms never overwrite another's", () => {
  const c = new CreatorSeries("engagement");
  c.apply(m({ creatorId: "a", platform: "x", values: { engagements: 2 } }));
  c.apply(m({ creatorId: "b", platform: "x", values: { engagements: 5 }, emittedAt: "2026-01-01T10:00:40Z" }));
  c.apply(m({ creatorId: "b", platform: null, values: { engagements: 7 } }));
  assert.deepEqual(c.columns(["engagements"])[1], [9], "a: 2 (x) + b: 7 (all-platform)");
  const f = new LatestLevel("audience", "followers");
  const aud = (over) => m({ family: "audience", values: { followers: 0 }, ...over });
  f.apply(aud({ creatorId: "a", platform: "x", values: { followers: 100 } }));
  f.apply(aud({ creatorId: "a", platform: "instagram", values: { followers: 50 } }));
  f.apply(aud({ creatorId: "b", platform: "x", values: { followers: 10 } }));
  assert.equal(f.total(), 160);
  assert.equal(f.apply(aud({ creatorId: "b", platform: "x", windowStart: "2026-01-01T09:00:00Z", values: { followers: 1 } })), false, "older window ignored");
  f.apply(aud({ creatorId: "b", platform: "x", windowStart: "2026-01-01T10:05:00Z", values: { followers: 12 } }));
  assert.equal(f.total(), 162);
});

test("trends keep the latest window per subject, trending first", () => {
  const t = new LatestBySubject("trend", "hashtag");
  t.apply(m({ family: "trend", scope: "hashtag", subject: "a", values: { trending: 0, velocity: 9 } }));
  t.apply(m({ family: "trend", scope: "hashtag", subject: "b", values: { trending: 1, velocity: 1 } }));
  t.apply(m({ family: "trend", scope: "hashtag", subject: "a", windowStart: "2026-01-01T09:00:00Z", values: { trending: 1, velocity: 99 } }));
  assert.deepEqual(t.top().map((u) => u.subject), ["b", "a"]);
});

test("platform limits: X 280 characters, Instagram 30 hashtags, emoji count once", () => {
  assert.equal(charCount("👍🏽a"), 3);
  assert.ok(checkDraft("a".repeat(280), "x").ok);
  const over = checkDraft("a".repeat(281), "x");
  assert.equal(over.ok, false);
  assert.match(over.problems[0], /1 characters over X's 280 limit/);
  const tags = Array.from({ length: 31 }, (_, i) => `#t${i}`).join(" ");
  assert.equal(checkDraft(tags, "instagram").hashtags, 31);
  assert.equal(checkDraft(tags, "instagram").ok, false);
  assert.equal(checkDraft("x".repeat(3000), "linkedin").ok, true);
  assert.equal(checkDraft("x".repeat(2201), "tiktok").ok, false);
});

test("rule durations round-trip between minutes and ISO-8601", () => {
  assert.equal(toDuration(15), "PT15M");
  assert.equal(durationMinutes("PT15M"), 15);
  assert.equal(durationMinutes("PT1H30M"), 90);
  assert.equal(durationMinutes("P1D"), 1440);
  assert.equal(durationMinutes(900), 15);
  assert.equal(durationMinutes("2h"), 120);
});

test("reconnect backoff grows to 30 s with jitter", () => {
  assert.equal(backoff(0, () => 1), 1000);
  assert.equal(backoff(0, () => 0), 500);
  assert.equal(backoff(3, () => 1), 8000);
  assert.equal(backoff(50, () => 1), 30000);
});

test("serving's dashboard shape becomes cards, posts, hashtags", () => {
  const K = (current, previous) => ({ current, previous, change: current - previous, changePct: null });
  const d = readDashboard({
    period: "24h",
    followers: K(110, 100),
    engagementRate: K(4.5, 5),
    mrr: { current: null, previous: null, change: null, changePct: null },
    automationHealth: { successRate: K(90, 95), succeeded: 9, failed: 1, running: 0, enabledRules: 2 },
    topPosts: [{ creatorId: "c1", contentId: "p1", engagements: 50, engagementRate: 3, engagementsChange: K(50, 40) }],
    trends: [{ creatorId: "c1", scope: "hashtag", subject: "tag", value: 5, forecast: 7, velocity: 1, anomalyScore: 2, trending: true }],
  });
  assert.equal(d.cards.followers.value, 110);
  assert.equal(d.cards.followers.previous, 100);
  assert.equal(d.cards.followers.changeLabel, "vs previous 24 h");
  assert.equal(d.cards.mrr, undefined, "no MRR yet: no card value");
  assert.equal(d.cards.automation.value, 90);
  assert.equal(d.cards.automation.note, "2 rules on · 10 firings · 1 failed");
  assert.equal(d.posts[0].subject, "p1");
  assert.equal(d.posts[0].values.value, 50);
  assert.equal(d.hashtags[0].values.trending, 1);
  assert.equal(d.hashtags[0].values.anomaly_score, 2);
});

test("serving's alert shape is normalised", () => {
  const a = normalizeAlert({ id: "t1", creatorId: "c1", severity: "warning", title: "Rule fired", message: "m", ruleId: "r1", occurredAt: "2026-01-01T10:00:00Z", data: { contentId: "i1" } });
  assert.deepEqual([a.id, a.title, a.severity, a.at, a.contentId], ["t1", "Rule fired", "warning", "2026-01-01T10:00:00Z", "i1"]);
});
