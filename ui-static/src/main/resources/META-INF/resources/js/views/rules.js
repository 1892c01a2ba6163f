// Rules editor: list, create, edit, enable/disable, delete; each rule's live state and firings.
import * as api from "../api.js";
import { $, $$, h, clear, showState, stateFor, toast, fmtNumber } from "../dom.js";
import { FAMILIES, metricLabel, fillPlatforms, platformLabel } from "../catalog.js";
import { loadDetail } from "./rule-detail.js";
import { toDuration, durationMinutes } from "./durations.js";

const COMPARATORS = { gt: ">", gte: "≥", lt: "<", lte: "≤" };
const ACTIONS = { draft_content: "Draft content", notify: "Notify me", webhook: "Call a webhook" };
let rules = [];

export function init() {
  const fam = $("#rule-family");
  for (const [id, f] of Object.entries(FAMILIES)) fam.append(new Option(f.label, id));
  fam.addEventListener("change", () => fillMetrics());
  fillMetrics();
  fillPlatforms($("#rule-action-platform"));
  $("#rule-action-type").addEventListener("change", showActionFields);
  $("#rule-scope").addEventListener("change", scopeChanged);
  $("#rule-form").addEventListener("input", summarize);
  $("#rule-form").addEventListener("change", summarize);
  $("#rule-form").addEventListener("submit", (e) => {
    e.preventDefault();
    save();
  });
  $("#rule-cancel").addEventListener("click", () => edit(null));
  $("#rule-new").addEventListener("click", () => {
    edit(null);
    $("#rule-name").focus();
  });
  edit(null);
}

export function show() {
  load();
}

function fillMetrics(selected) {
  const sel = $("#rule-metric");
  sel.replaceChildren();
  for (const [id, label] of Object.entries(FAMILIES[$("#rule-family").value].values)) sel.append(new Option(label, id));
  if (selected) sel.value = selected;
}

function showActionFields() {
  const type = $("#rule-action-type").value;
  for (const el of $$("[data-action]", $("#rule-form"))) el.hidden = el.dataset.action !== type;
  $("#rule-action-url").required = type === "webhook";
  summarize();
}

function scopeChanged() {
  const creator = $("#rule-scope").value === "creator";
  $("#rule-subject").disabled = creator;
  if (creator) $("#rule-subject").value = "";
}

async function load() {
  const box = $("#rules-list");
  if (!rules.length) showState(box, "loading", "Loading rules…");
  try {
    rules = api.asList(await api.listRules());
  } catch (e) {
    showState(box, ...stateFor(e, "Automation rules"));
    return;
  }
  render();
}

function ruleId(r) {
  return r.id ?? r.ruleId;
}

function describe(r) {
  const scope = r.scope === "creator" ? "the channel" : r.subject ? `${r.scope} ${r.scope === "hashtag" && !String(r.subject).startsWith("#") ? "#" : ""}${r.subject}` : `any ${r.scope}`;
  const when = `${metricLabel(r.family, r.metric)} of ${scope} ${COMPARATORS[r.comparator] || r.comparator} ${fmtNumber(Number(r.threshold))} within ${durationMinutes(r.window)} min`;
  const s = r.action?.settings || {};
  const detail = r.action?.type === "draft_content" ? ` (${platformLabel(s.platform)}, ${s.tone || "default tone"})` : r.action?.type === "webhook" ? ` (${s.url || "no URL"})` : "";
  return `When ${when}, ${(ACTIONS[r.action?.type] || r.action?.type || "do nothing").toLowerCase()}${detail}. Cooldown ${durationMinutes(r.cooldown)} min.`;
}

function render() {
  const box = $("#rules-list");
  if (!rules.length) {
    showState(box, "empty", "No rules yet. Create one to draft content or alert you when a metric crosses a line.");
    return;
  }
  clear(box);
  for (const r of rules) {
    const id = ruleId(r);
    const toggleId = `rule-enabled-${id}`;
    const details = h(
      "details",
      { "data-testid": "rule-details" },
      h("summary", {}, "State and firing history"),
      h("div", { class: "rule-detail", "data-testid": "rule-detail-body" }),
    );
    details.addEventListener("toggle", () => details.open && loadDetail(ruleId(r), details.lastChild));
    box.append(
      h(
        "div",
        { class: "rule", "data-testid": "rule-item", "data-rule-id": id, "data-enabled": String(r.enabled !== false) },
        h(
          "div",
          { class: "rule-head" },
          h("h3", { class: "rule-name" }, r.name || "(unnamed rule)"),
          h(
            "div",
            { class: "rule-tools" },
            h(
              "span",
              { class: "switch" },
              h("input", { type: "checkbox", id: toggleId, checked: r.enabled !== false, "data-testid": "rule-toggle", onchange: (e) => setEnabled(r, e.target) }),
              h("label", { for: toggleId }, "Enabled", h("span", { class: "visually-hidden" }, ` (${r.name})`)),
            ),
            h("button", { type: "button", class: "btn btn-small", "data-testid": "rule-edit", onclick: () => edit(r) }, "Edit"),
            h("button", { type: "button", class: "btn btn-small btn-ghost btn-danger", "data-testid": "rule-delete", "aria-label": `Delete rule ${r.name}`, onclick: () => remove(r) }, "Delete"),
          ),
        ),
        h("p", { class: "rule-cond" }, describe(r)),
        r.webhookSecret ? secret(r.webhookSecret) : null,
        details,
      ),
    );
  }
}

// The HMAC key a webhook receiver checks X-Studio-Signature with; hidden until asked for.
function secret(value) {
  const code = h("code", { "data-testid": "rule-webhook-secret" }, "••••••••");
  const btn = h("button", { type: "button", class: "btn btn-small btn-ghost", "aria-pressed": "false" }, "Show");
  btn.addEventListener("click", () => {
    const shown = btn.getAttribute("aria-pressed") === "true";
    code.textContent = shown ? "••••••••" : value;
    btn.setAttribute("aria-pressed", String(!shown));
    btn.textContent = shown ? "Show" : "Hide";
  });
  return h("p", { class: "small muted" }, "Webhook signing secret (X-Studio-Signature): ", code, " ", btn);
}

function edit(r) {
  $("#rule-form-title").textContent = r ? `Edit “${r.name}”` : "New rule";
  $("#rule-id").value = r ? ruleId(r) : "";
  $("#rule-name").value = r?.name || "";
  $("#rule-family").value = r?.family || "engagement";
  fillMetrics(r?.metric || "engagement_score");
  $("#rule-scope").value = r?.scope || "content";
  $("#rule-subject").value = r?.subject || "";
  $("#rule-comparator").value = r?.comparator || "gt";
  $("#rule-threshold").value = r ? r.threshold : 80;
  $("#rule-window").value = r ? durationMinutes(r.window) : 15;
  $("#rule-cooldown").value = r ? durationMinutes(r.cooldown) : 60;
  $("#rule-enabled").checked = r ? r.enabled !== false : true;
  const a = r?.action || { type: "draft_content", settings: {} };
  $("#rule-action-type").value = a.type;
  $("#rule-action-platform").value = a.settings?.platform || "x";
  $("#rule-action-tone").value = a.settings?.tone || "friendly";
  $("#rule-action-message").value = a.settings?.message || "";
  $("#rule-action-severity").value = a.settings?.severity || "warning";
  $("#rule-action-url").value = a.settings?.url || "";
  $("#rule-error").hidden = true;
  for (const i of $$("[aria-invalid]", $("#rule-form"))) i.removeAttribute("aria-invalid");
  scopeChanged();
  showActionFields();
  if (r) $("#rule-name").focus();
}

/** The rule as serving takes it (POST/PUT /api/automation/workflows). */
function formRule() {
  const type = $("#rule-action-type").value;
  const settings = {};
  if (type === "draft_content") {
    settings.platform = $("#rule-action-platform").value;
    settings.tone = $("#rule-action-tone").value;
  } else if (type === "notify") {
    settings.severity = $("#rule-action-severity").value;
    if ($("#rule-action-message").value.trim()) settings.message = $("#rule-action-message").value.trim();
  } else if (type === "webhook") {
    settings.url = $("#rule-action-url").value.trim();
  }
  let subject = $("#rule-subject").value.trim();
  // Hashtag subjects are written by the job without '#', in lower case (as analytics queries them).
  if ($("#rule-scope").value === "hashtag") subject = subject.replace(/^#/, "").toLowerCase();
  return {
    name: $("#rule-name").value.trim(),
    family: $("#rule-family").value,
    metric: $("#rule-metric").value,
    scope: $("#rule-scope").value,
    subject: subject || null,
    comparator: $("#rule-comparator").value,
    threshold: Number($("#rule-threshold").value),
    window: toDuration(Number($("#rule-window").value)),
    cooldown: toDuration(Number($("#rule-cooldown").value)),
    enabled: $("#rule-enabled").checked,
    action: { type, settings },
  };
}

function summarize() {
  const r = formRule();
  $("#rule-summary").textContent = r.name || r.threshold || r.threshold === 0 ? describe(r) : "";
}

function validate(r) {
  if (!r.name) return ["#rule-name", "Give the rule a name."];
  if ($("#rule-threshold").value === "" || !Number.isFinite(r.threshold)) return ["#rule-threshold", "Enter a number for the threshold."];
  const w = Number($("#rule-window").value);
  if (!Number.isInteger(w) || w < 1 || w > 10080) return ["#rule-window", "The window is 1 to 10,080 minutes."];
  const c = Number($("#rule-cooldown").value);
  if (!Number.isInteger(c) || c < 0 || c > 43200) return ["#rule-cooldown", "The cooldown is 0 to 43,200 minutes."];
  if (r.action.type === "webhook" && !/^https?:\/\/\S+$/.test(r.action.settings.url || "")) return ["#rule-action-url", "Enter the webhook's http(s) URL."];
  return null;
}

async function save() {
  const err = $("#rule-error");
  err.hidden = true;
  for (const i of $$("[aria-invalid]", $("#rule-form"))) i.removeAttribute("aria-invalid");
  const r = formRule();
  const problem = validate(r);
  if (problem) {
    err.textContent = problem[1];
    err.hidden = false;
    $(problem[0]).setAttribute("aria-invalid", "true");
    $(problem[0]).focus();
    return;
  }
  const id = $("#rule-id").value;
  const btn = $("#rule-save");
  btn.disabled = true;
  try {
    await (id ? api.updateRule(id, r) : api.createRule(r));
    toast(id ? "Rule updated" : "Rule created");
    edit(null);
    await load();
  } catch (e) {
    err.textContent = e.unavailable && !id ? "Rules are not available from the server yet." : e.message;
    err.hidden = false;
  } finally {
    btn.disabled = false;
  }
}

async function setEnabled(r, input) {
  const enabled = input.checked;
  input.disabled = true;
  try {
    await api.setRuleEnabled(ruleId(r), enabled);
    r.enabled = enabled;
    input.closest(".rule").dataset.enabled = String(enabled);
    if ($("#rule-id").value === String(ruleId(r))) $("#rule-enabled").checked = enabled;
    toast(`${r.name} ${enabled ? "enabled" : "disabled"}`);
  } catch (e) {
    input.checked = !enabled;
    toast(e.message, "error");
  } finally {
    input.disabled = false;
  }
}

async function remove(r) {
  if (!confirm(`Delete the rule "${r.name}"? Its history is kept.`)) return;
  try {
    await api.deleteRule(ruleId(r));
    toast("Rule deleted");
    if ($("#rule-id").value === String(ruleId(r))) edit(null);
    load();
  } catch (e) {
    toast(e.message, "error");
  }
}
