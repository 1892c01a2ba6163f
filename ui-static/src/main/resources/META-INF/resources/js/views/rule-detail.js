// One rule's live state (per subject: current value, last fired, cooldown) and firing history.
import * as api from "../api.js";
import { h, clear, showState, stateFor, fmtDateTime, fmtNumber } from "../dom.js";

/** Loads state and history of rule `id` into `box`; each part says so if serving lacks it. */
export async function loadDetail(id, box) {
  showState(box, "loading", "Loading…");
  const [state, history] = await Promise.allSettled([api.ruleState(id), api.ruleHistory(id)]);
  clear(box);
  box.append(h("h4", { class: "small" }, "State"));
  if (state.status === "fulfilled") box.append(renderState(state.value));
  else if (state.reason?.code === "state_unknown") box.append(h("p", { class: "state", "data-testid": "rule-state-empty" }, "No data has reached this rule yet."));
  else if (state.reason?.code === "automation_unavailable") box.append(h("p", { class: "state state-unavailable", "data-testid": "rule-state-unavailable" }, `Live state is unavailable: ${state.reason.message}.`));
  else box.append(h("p", { class: "state state-unavailable", "data-testid": "rule-state-unavailable" }, stateFor(state.reason, "Rule state")[1]));
  box.append(h("h4", { class: "small" }, "Firings"));
  if (history.status === "fulfilled") box.append(renderHistory(api.asList(history.value)));
  else box.append(h("p", { class: "state state-unavailable", "data-testid": "rule-history-unavailable" }, stateFor(history.reason, "Firing history")[1]));
}

function renderState(s) {
  const list = Array.isArray(s) ? s : Array.isArray(s?.subjects) ? s.subjects : api.asList(s).length ? api.asList(s) : [s];
  const rows = list.filter((x) => x && typeof x === "object").map((x) => {
    const cooling = x.cooldownUntil && Date.parse(x.cooldownUntil) > Date.now();
    return h(
      "tr",
      { "data-testid": "rule-state-row", "data-holding": String(Boolean(x.holding)) },
      h("td", {}, x.subject || "—"),
      h("td", { class: "num", title: x.currentWindowEnd ? `window ending ${fmtDateTime(x.currentWindowEnd)}` : null }, fmtNumber(x.currentValue ?? x.value)),
      h("td", {}, x.lastFiredAt ? fmtDateTime(x.lastFiredAt) : "never"),
      h("td", {}, cooling ? fmtDateTime(x.cooldownUntil) : x.holding ? "armed after it drops back" : "ready"),
    );
  });
  if (!rows.length) return h("p", { class: "state", "data-testid": "rule-state-empty" }, "No data has reached this rule yet.");
  return h("div", { class: "table-wrap" }, h("table", { "data-testid": "rule-state" }, h("thead", {}, h("tr", {}, ...["Subject", "Current", "Last fired", "Cooldown"].map((t) => h("th", { scope: "col" }, t)))), h("tbody", {}, rows)));
}

function renderHistory(list) {
  if (!list.length) return h("p", { class: "state", "data-testid": "rule-history-empty" }, "This rule has not fired yet.");
  const rows = list.slice(0, 50).map((x) => {
    const ok = /^(succeeded|success|ok|done|completed)$/i.test(x.status || "");
    const failed = /fail|error/i.test(x.status || "");
    const result = [[x.provider, x.model].filter(Boolean).join(" · "), typeof x.costUsd === "number" ? `$${x.costUsd.toFixed(4)}` : null, x.error]
      .filter(Boolean)
      .join(" · ");
    return h(
      "tr",
      { "data-testid": "rule-history-row", "data-status": x.status || "" },
      h("td", { class: "small" }, fmtDateTime(x.firedAt || x.startedAt || x.createdAt)),
      h("td", {}, x.subject || "—"),
      h("td", {}, (x.actionType || "").replace("_", " ") || "—"),
      h("td", {}, h("span", { class: `pill ${ok ? "pill-on" : failed ? "pill-fail" : ""}` }, x.status || "—")),
      h(
        "td",
        { class: "small" },
        result || "—",
        x.contentId ? h("a", { href: `#/studio?item=${encodeURIComponent(x.contentId)}`, class: "alert-link", "data-testid": "rule-history-draft" }, "Open draft") : null,
      ),
    );
  });
  return h("div", { class: "table-wrap" }, h("table", { "data-testid": "rule-history" }, h("thead", {}, h("tr", {}, ...["Fired", "Subject", "Action", "Status", "Result"].map((t) => h("th", { scope: "col" }, t)))), h("tbody", {}, rows)));
}
