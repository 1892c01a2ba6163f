// Renders trending posts or hashtags: current value, forecast with its interval, velocity.
import { h, clear, fmtNumber } from "../dom.js";
import { platformLabel } from "../catalog.js";

export function renderTrends(list, updates, scope) {
  clear(list);
  if (!updates.length) {
    list.append(
      h("li", { class: "state", "data-testid": `trending-${scope}-empty` }, scope === "hashtag" ? "No hashtag trends yet." : "No post trends yet."),
    );
    return;
  }
  for (const u of updates) list.append(item(u, scope));
}

function item(u, scope) {
  const v = u.values || {};
  const name =
    scope === "hashtag"
      ? u.subject.startsWith("#")
        ? u.subject
        : `#${u.subject}`
      : u.labels?.title || u.subject;
  const trending = v.trending >= 1;
  const meta = [];
  if (typeof v.forecast === "number") {
    const interval =
      typeof v.forecast_low === "number" && typeof v.forecast_high === "number"
        ? ` (${fmtNumber(v.forecast_low)}–${fmtNumber(v.forecast_high)})`
        : "";
    meta.push(`forecast ${fmtNumber(v.forecast)}${interval}`);
  }
  if (typeof v.engagement_rate === "number") meta.push(`engagement rate ${fmtNumber(v.engagement_rate)}%`);
  if (typeof v.velocity === "number") meta.push(`velocity ${v.velocity >= 0 ? "+" : ""}${fmtNumber(v.velocity)}/min`);
  if (typeof v.anomaly_score === "number") meta.push(`anomaly ${fmtNumber(v.anomaly_score)}`);
  if (u.platform) meta.push(platformLabel(u.platform));
  return h(
    "li",
    { "data-testid": "trend-item", "data-subject": u.subject, "data-trending": String(trending) },
    h("span", { class: "trend-name", title: name }, h("span", { class: "trend-text" }, name), trending ? h("span", { class: "trend-flag" }, "TRENDING") : null),
    h("span", { class: "trend-value", title: "Current value" }, fmtNumber(v.value)),
    rangeBar(v),
    meta.length ? h("span", { class: "trend-meta" }, meta.join(" · ")) : null,
  );
}

// A bar from the interval's low to high with markers for now (dark) and the forecast (accent).
function rangeBar(v) {
  const pts = [v.value, v.forecast, v.forecast_low, v.forecast_high].filter((x) => typeof x === "number");
  if (pts.length < 2) return null;
  const lo = Math.min(...pts);
  const hi = Math.max(...pts);
  const span = hi - lo || 1;
  const pos = (x) => `${(((x - lo) / span) * 100).toFixed(1)}%`;
  const bar = h("span", { class: "range-bar", "aria-hidden": "true" });
  if (typeof v.forecast_low === "number" && typeof v.forecast_high === "number") {
    const band = h("span", { class: "band" });
    band.style.left = pos(v.forecast_low);
    band.style.width = `${(((v.forecast_high - v.forecast_low) / span) * 100).toFixed(1)}%`;
    bar.append(band);
  }
  for (const [cls, x] of [["fc", v.forecast], ["now", v.value]]) {
    if (typeof x !== "number") continue;
    const m = h("span", { class: cls });
    m.style.left = `calc(${pos(x)} - 1px)`;
    bar.append(m);
  }
  return bar;
}
