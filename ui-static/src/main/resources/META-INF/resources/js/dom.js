// Small DOM and formatting helpers. Text always goes in through textContent (never innerHTML), so
// data from the API or the stream cannot inject markup.

export const $ = (sel, root = document) => root.querySelector(sel);
export const $$ = (sel, root = document) => [...root.querySelectorAll(sel)];

/** h("button", {class: "x", onclick: fn, "data-testid": "y"}, "text", childNode, ...) */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
    else if (k === "class") el.className = v;
    else if (k === "text") el.textContent = v;
    else if (v === true) el.setAttribute(k, "");
    else el.setAttribute(k, String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

/** Replaces `el`'s content with a short message; kind = empty | unavailable | error | loading. */
export function showState(el, kind, message) {
  clear(el).append(h("p", { class: `state state-${kind}`, "data-testid": `state-${kind}`, role: kind === "error" ? "alert" : null }, message));
}

export function stateFor(err, what) {
  if (err?.unavailable) return ["unavailable", `${what} is not available from the server yet.`];
  if (err?.network) return ["error", "The server cannot be reached. Retrying when you come back."];
  return ["error", err?.message || `Could not load ${what.toLowerCase()}.`];
}

const nf = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const compact = new Intl.NumberFormat(undefined, { notation: "compact", maximumFractionDigits: 1 });

export function fmtNumber(v, { compactAbove = 100000 } = {}) {
  if (typeof v !== "number" || !Number.isFinite(v)) return "—";
  return Math.abs(v) >= compactAbove ? compact.format(v) : nf.format(v);
}

export function fmtPercent(v) {
  if (typeof v !== "number" || !Number.isFinite(v)) return "—";
  return `${nf.format(v)}%`;
}

/** Money in minor units (cents) with an ISO currency. */
export function fmtMoney(minor, currency = "USD") {
  if (typeof minor !== "number" || !Number.isFinite(minor)) return "—";
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency, maximumFractionDigits: 0 }).format(minor / 100);
  } catch {
    return `${nf.format(minor / 100)} ${currency}`;
  }
}

export function fmtTime(t) {
  const d = t instanceof Date ? t : new Date(t);
  if (Number.isNaN(d.getTime())) return "—";
  return d.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
}

export function fmtDateTime(t) {
  const d = t instanceof Date ? t : new Date(t);
  if (Number.isNaN(d.getTime())) return "—";
  return d.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

/** A toast in the live region at the bottom of the page. */
export function toast(message, kind = "info") {
  const box = document.getElementById("toasts");
  if (!box) return;
  const el = h("div", { class: `toast toast-${kind}`, role: kind === "error" ? "alert" : "status", "data-testid": "toast" }, message);
  box.append(el);
  setTimeout(() => el.remove(), kind === "error" ? 8000 : 4000);
}

/** Local datetime-local input value for a Date. */
export function toLocalInput(d) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Says `message` to screen readers once (polite), without moving focus. */
export function announce(message) {
  const el = document.getElementById("announcer");
  if (!el) return;
  el.textContent = "";
  setTimeout(() => (el.textContent = message), 50);
}
