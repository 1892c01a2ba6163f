// Analytics explorer: a metric, a scope and a range from InfluxDB history; chart, table, CSV.
import * as api from "../api.js";
import { $, $$, h, clear, showState, stateFor, toast, fmtNumber, fmtDateTime, toLocalInput } from "../dom.js";
import { TimeChart, PALETTE } from "../charts.js";
import { FAMILIES, metricLabel, platformLabel } from "../catalog.js";
import { toMillis } from "../series.js";

const RANGES = { "1h": 3600e3, "6h": 6 * 3600e3, "24h": 86400e3, "7d": 7 * 86400e3, "30d": 30 * 86400e3 };
const AUTO_STEP = { "1h": "1m", "6h": "5m", "24h": "15m", "7d": "1h", "30d": "1d" };
let chart;
let loadedOnce = false;

export function init() {
  const sel = $("#an-metric");
  for (const [fam, f] of Object.entries(FAMILIES)) {
    const group = h("optgroup", { label: f.label });
    for (const [name, label] of Object.entries(f.values)) group.append(new Option(label, `${fam}.${name}`));
    sel.append(group);
  }
  sel.value = "engagement.engagement_rate";
  chart = new TimeChart($("#analytics-chart"), [{ label: "Value", color: "--c-series" }], {
    height: 280,
    summary: (d) => (d[0]?.length ? `${d[0].length} points, last ${fmtNumber(d[1][d[1].length - 1])}` : "No data"),
  });
  $("#an-scope").addEventListener("change", () => {
    const creator = $("#an-scope").value === "creator";
    $("#an-subject").disabled = creator;
    if (creator) $("#an-subject").value = "";
  });
  $("#an-range").addEventListener("change", () => {
    const custom = $("#an-range").value === "custom";
    for (const el of $$("[data-custom-range]")) el.hidden = !custom;
    if (custom && !$("#an-from").value) {
      $("#an-from").value = toLocalInput(new Date(Date.now() - 86400e3));
      $("#an-to").value = toLocalInput(new Date());
    }
  });
  $("#analytics-form").addEventListener("submit", (e) => {
    e.preventDefault();
    run();
  });
  $("#an-export").addEventListener("click", exportCsv);
}

export function show() {
  if (!loadedOnce) run();
}

/** The query for serving, or throws an Error naming the bad field. */
export function query() {
  const [family, name] = $("#an-metric").value.split(".");
  const scope = $("#an-scope").value;
  const subject = $("#an-subject").value.trim();
  if (scope !== "creator" && !subject) throw fieldError("#an-subject", "Enter the content id or hashtag.");
  const range = $("#an-range").value;
  let from, to;
  if (range === "custom") {
    from = new Date($("#an-from").value);
    to = new Date($("#an-to").value);
    if (Number.isNaN(from.getTime())) throw fieldError("#an-from", "Choose a start.");
    if (Number.isNaN(to.getTime())) throw fieldError("#an-to", "Choose an end.");
    if (from >= to) throw fieldError("#an-to", "The end must be after the start.");
  } else {
    to = new Date();
    from = new Date(to.getTime() - RANGES[range]);
  }
  const step = $("#an-step").value || AUTO_STEP[range] || autoStep(to - from);
  // serving's GET /api/analytics/metrics: metric=family.field, content= or hashtag= (neither =
  // the whole channel), platform= (all = the job's cross-platform aggregate), from, to, step.
  return {
    family,
    name,
    params: {
      metric: `${family}.${name}`,
      content: scope === "content" ? subject : undefined,
      hashtag: scope === "hashtag" ? subject.replace(/^#/, "") : undefined,
      platform: $("#an-platform").value || undefined,
      from: from.toISOString(),
      to: to.toISOString(),
      step,
    },
  };
}

function autoStep(ms) {
  if (ms <= 2 * 3600e3) return "1m";
  if (ms <= 12 * 3600e3) return "5m";
  if (ms <= 2 * 86400e3) return "15m";
  if (ms <= 14 * 86400e3) return "1h";
  return "1d";
}

function fieldError(sel, message) {
  const e = new Error(message);
  e.field = sel;
  return e;
}

function formProblem(e) {
  const err = $("#an-error");
  err.textContent = e.message;
  err.hidden = false;
  if (e.field) {
    $(e.field).setAttribute("aria-invalid", "true");
    $(e.field).focus();
  }
}

async function run() {
  $("#an-error").hidden = true;
  for (const i of $$("[aria-invalid]", $("#analytics-form"))) i.removeAttribute("aria-invalid");
  let q;
  try {
    q = query();
  } catch (e) {
    return formProblem(e);
  }
  loadedOnce = true;
  $("#an-chart-title").textContent = metricLabel(q.family, q.name);
  $("#an-count").textContent = "loading…";
  try {
    render(readSeries(await api.metrics(q.params)), q);
  } catch (e) {
    render([], q);
    const [kind, msg] = stateFor(e, "Metric history");
    $("#an-count").textContent = kind === "unavailable" ? "unavailable" : "error";
    formProblem({ message: msg });
  }
}

/**
 * Series as [{label, points: [{t: ms, v}]}] from serving's {series: [{creatorId, platform, points:
 * [{time, value}]}]}, or from a bare list of points.
 */
export function readSeries(body) {
  const raw = body && Array.isArray(body.series) ? body.series : [{ platform: null, points: api.asList(body) }];
  const creators = new Set(raw.map((s) => s.creatorId).filter(Boolean));
  return raw
    .map((s) => ({
      label: `${s.platform === "all" || !s.platform ? "All platforms" : platformLabel(s.platform)}${creators.size > 1 ? ` · ${s.creatorId}` : ""}`,
      points: readPoints(s.points || s.values || []),
    }))
    .filter((s) => s.points.length);
}

export function readPoints(list) {
  return list
    .map((p) =>
      Array.isArray(p)
        ? { t: toMillis(p[0]), v: p[1] }
        : { t: toMillis(p.time ?? p.t ?? p.timestamp), v: p.value ?? p.v },
    )
    .filter((p) => !Number.isNaN(p.t))
    .map((p) => ({ t: p.t, v: typeof p.v === "number" && Number.isFinite(p.v) ? p.v : null }))
    .sort((a, b) => a.t - b.t);
}

/** Aligns several series on one time axis (uPlot wants shared x values). */
export function align(series) {
  const times = [...new Set(series.flatMap((s) => s.points.map((p) => p.t)))].sort((a, b) => a - b);
  const cols = [times.map((t) => t / 1000)];
  for (const s of series) {
    const byTime = new Map(s.points.map((p) => [p.t, p.v]));
    cols.push(times.map((t) => (byTime.has(t) ? byTime.get(t) : null)));
  }
  return cols;
}

function render(series, q) {
  chart.setSeries((series.length ? series : [{ label: "Value" }]).map((s, i) => ({ label: s.label, color: PALETTE[i % PALETTE.length] })));
  const cols = align(series);
  chart.setData(series.length ? cols : [[], []]);
  const count = series.reduce((n, s) => n + s.points.length, 0);
  $("#an-count").textContent = `${count} points${series.length > 1 ? ` in ${series.length} series` : ""} · step ${q.params.step}`;
  const stats = clear($("#an-stats"));
  const first = series[0];
  const vals = first ? first.points.map((p) => p.v).filter((v) => v !== null) : [];
  const stat = (label, v) => stats.append(h("div", {}, h("dt", {}, label), h("dd", { "data-testid": `an-stat-${label.toLowerCase()}` }, fmtNumber(v))));
  if (vals.length) {
    stat("Last", vals[vals.length - 1]);
    stat("Min", Math.min(...vals));
    stat("Max", Math.max(...vals));
    stat("Average", vals.reduce((s, v) => s + v, 0) / vals.length);
    if (series.length > 1) stats.append(h("div", {}, h("dt", {}, "Stats for"), h("dd", {}, first.label)));
  }
  const table = $("#an-table");
  if (!count) {
    showState(table, "empty", "No points in this range.");
    return;
  }
  const rows = cols[0].slice(-500).map((t, i, arr) => {
    const idx = cols[0].length - arr.length + i;
    return h("tr", {}, h("td", {}, fmtDateTime(t * 1000)), ...series.map((_, si) => h("td", { class: "num" }, fmtNumber(cols[si + 1][idx]))));
  });
  clear(table).append(
    h(
      "table",
      {},
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Time"), ...series.map((s) => h("th", { scope: "col" }, s.label)))),
      h("tbody", {}, rows),
    ),
  );
}

async function exportCsv() {
  let q;
  try {
    q = query();
  } catch (e) {
    return formProblem(e);
  }
  const btn = $("#an-export");
  btn.disabled = true;
  try {
    const blob = await api.exportCsv(q.params);
    const url = URL.createObjectURL(blob);
    const a = h("a", { href: url, download: `studio-${q.family}-${q.name}-${q.params.from.slice(0, 10)}.csv` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    toast("CSV exported");
  } catch (e) {
    toast(stateFor(e, "CSV export")[1], "error");
  } finally {
    btn.disabled = false;
  }
}
