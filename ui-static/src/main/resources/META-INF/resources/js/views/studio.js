// Content studio: the draft (views/draft.js), the library of content items and the schedule.
import * as api from "../api.js";
import { $, h, clear, showState, stateFor, toast, fmtDateTime, toLocalInput } from "../dom.js";
import { fillPlatforms, platformLabel } from "../catalog.js";
import { initDraft, loadDraft } from "./draft.js";

let items = [];

export function init() {
  initDraft(() => loadLibrary());
  fillPlatforms($("#schedule-platform"), { includeAll: true });
  $("#schedule-platform").options[0].text = "Item's own platform";
  $("#library-refresh").addEventListener("click", () => loadLibrary());
  $("#schedule-form").addEventListener("submit", (e) => {
    e.preventDefault();
    schedule();
  });
}

export function show() {
  const at = $("#schedule-at");
  if (!at.value) at.value = toLocalInput(new Date(Date.now() + 3600_000));
  // #/studio?item=<id> (e.g. from an alert about a generated draft) opens that item.
  const wanted = new URLSearchParams(location.hash.split("?")[1] || "").get("item");
  loadLibrary().then(() => {
    const it = wanted && items.find((i) => String(i.id) === wanted);
    if (it) edit(it);
    else if (wanted) toast("That draft is not in your library.", "error");
  });
  loadSchedule();
}

async function loadLibrary() {
  const box = $("#library-list");
  if (!items.length) showState(box, "loading", "Loading the library…");
  try {
    items = api.asList(await api.listItems());
  } catch (e) {
    showState(box, ...stateFor(e, "The library"));
    return;
  }
  renderLibrary();
  fillScheduleItems();
}

function renderLibrary() {
  const box = $("#library-list");
  if (!items.length) {
    showState(box, "empty", "No drafts yet. Generate one or write your own above.");
    return;
  }
  const rows = items.map((it) =>
    h(
      "tr",
      { "data-testid": "library-item", "data-id": it.id, "data-status": it.status },
      h(
        "td",
        { class: "cell-text" },
        h("strong", {}, it.title || "(untitled)"),
        h("br"),
        h("span", { class: "muted small" }, Array.from(it.body || "").slice(0, 80).join("")),
        h("br"),
        h("span", { class: "muted small" }, `${it.type || "post"}${it.source && it.source !== "manual" ? ` · ${it.source}` : ""} · updated ${fmtDateTime(it.updatedAt || it.createdAt)}`),
      ),
      h("td", {}, platformLabel(it.platform), h("br"), h("span", { class: `pill ${it.status === "scheduled" || it.status === "published" ? "pill-on" : ""}` }, it.status || "draft")),
      h(
        "td",
        { class: "row-actions" },
        h("button", { type: "button", class: "btn btn-small", "data-testid": "library-edit", "aria-label": `Edit ${it.title || "item"}`, onclick: () => edit(it) }, "Edit"),
        h("button", { type: "button", class: "btn btn-small btn-ghost btn-danger", "data-testid": "library-delete", "aria-label": `Delete ${it.title || "item"}`, onclick: () => remove(it) }, "Delete"),
      ),
    ),
  );
  clear(box).append(
    h("table", {}, h("thead", {}, h("tr", {}, ...["Item", "Platform", ""].map((t) => h("th", { scope: "col" }, t)))), h("tbody", {}, rows)),
  );
}

function edit(it) {
  loadDraft({ id: it.id, title: it.title, body: it.body, platform: it.platform, itemType: it.type, source: `From your library · ${it.type || "post"} · ${it.status || "draft"}` });
  $("#draft-text").focus();
  $("#draft-preview").scrollIntoView({ block: "nearest" });
}

async function remove(it) {
  if (!confirm(`Delete "${it.title || "this item"}"?`)) return;
  try {
    await api.deleteItem(it.id);
    if ($("#draft-id").value === String(it.id)) loadDraft(null);
    toast("Deleted");
    loadLibrary();
    loadSchedule();
  } catch (e) {
    toast(e.message, "error");
  }
}

function fillScheduleItems() {
  const sel = $("#schedule-content");
  const keep = sel.value;
  sel.replaceChildren(new Option("Choose a draft…", ""));
  for (const it of items.filter((i) => i.status !== "published" && i.status !== "archived")) {
    sel.append(new Option(`${it.title || "(untitled)"} · ${platformLabel(it.platform)}${it.status === "scheduled" ? " (scheduled)" : ""}`, it.id));
  }
  sel.value = keep;
}

async function loadSchedule() {
  const list = $("#schedule-list");
  try {
    const entries = api.asList(await api.listSchedule());
    clear(list);
    if (!entries.length) {
      list.append(h("li", { class: "state", "data-testid": "schedule-empty" }, "Nothing scheduled."));
      return;
    }
    entries.sort((a, b) => Date.parse(a.publishAt) - Date.parse(b.publishAt));
    for (const e of entries) {
      list.append(
        h(
          "li",
          { "data-testid": "schedule-item", "data-id": e.id, "data-status": e.status },
          h("span", {}, h("strong", {}, e.title || e.contentId), h("br"), h("span", { class: "muted small" }, `${platformLabel(e.platform)} · ${fmtDateTime(e.publishAt)} · ${e.status || "pending"}`)),
          e.status === "pending" || !e.status
            ? h("button", { type: "button", class: "btn btn-small btn-ghost", "data-testid": "schedule-cancel", onclick: () => cancel(e) }, "Cancel")
            : null,
        ),
      );
    }
  } catch (e) {
    const [kind, msg] = stateFor(e, "Scheduling");
    clear(list).append(h("li", { class: `state state-${kind}`, "data-testid": `state-${kind}` }, msg));
  }
}

async function schedule() {
  const err = $("#schedule-error");
  err.hidden = true;
  const contentId = $("#schedule-content").value;
  const at = new Date($("#schedule-at").value);
  let problem = null;
  if (!contentId) problem = ["#schedule-content", "Choose a draft to schedule."];
  else if (Number.isNaN(at.getTime())) problem = ["#schedule-at", "Choose a date and time."];
  else if (at.getTime() <= Date.now()) problem = ["#schedule-at", "Choose a time in the future."];
  if (problem) {
    err.textContent = problem[1];
    err.hidden = false;
    $(problem[0]).focus();
    return;
  }
  try {
    await api.scheduleItem({ contentId, publishAt: at.toISOString(), platform: $("#schedule-platform").value || undefined });
    toast(`Scheduled for ${fmtDateTime(at)}`);
    loadSchedule();
    loadLibrary();
  } catch (e) {
    err.textContent = e.status === 409 ? "That item already has a pending schedule entry." : e.message;
    err.hidden = false;
  }
}

async function cancel(entry) {
  try {
    await api.unschedule(entry.id);
    toast("Schedule cancelled");
    loadSchedule();
    loadLibrary();
  } catch (e) {
    toast(e.message, "error");
  }
}
