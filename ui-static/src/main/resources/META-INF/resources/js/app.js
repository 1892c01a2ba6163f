// Entry point: session bootstrap, hash routing (#/command, #/studio, #/rules, #/analytics,
// #/login; hash routes need no server-side fallback), theme toggle and the live connection.
import * as api from "./api.js";
import * as session from "./session.js";
import { $, $$, toast, announce } from "./dom.js";
import { LiveStream } from "./stream.js";
import { rethemeCharts } from "./charts.js";
import * as login from "./views/login.js";
import * as command from "./views/command.js";
import * as studio from "./views/studio.js";
import * as rules from "./views/rules.js";
import * as analytics from "./views/analytics.js";

const VIEWS = { login, command, studio, rules, analytics };
const TITLES = {
  login: "Sign in",
  command: "Command center",
  studio: "Content studio",
  rules: "Automation rules",
  analytics: "Analytics explorer",
};
let current = null;
let signedIn = false;

const stream = new LiveStream({
  onMetric: (u) => command.onMetric(u),
  onAlert: (a, id) => command.onAlert(a, id),
  onState: (s) => showConnection(s),
  onSignedOut: () => signOut("Your session has ended. Please sign in again."),
});

function routeName() {
  const name = (location.hash.replace(/^#\/?/, "").split(/[/?]/)[0] || "command").toLowerCase();
  return VIEWS[name] ? name : "command";
}

function route() {
  let name = routeName();
  if (!signedIn) name = "login";
  else if (name === "login") name = "command";
  if (current === name) {
    if (location.hash.includes("?")) VIEWS[name].show?.(); // same page, new parameters
    return;
  }
  if (current) VIEWS[current].hide?.();
  for (const v of $$("section[data-view]")) v.hidden = v.dataset.view !== name;
  for (const a of $$(".mainnav a")) {
    if (a.getAttribute("href") === `#/${name}`) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
  document.title = `${TITLES[name]} · Creator Studio`;
  const first = current !== null;
  current = name;
  document.body.dataset.route = name;
  VIEWS[name].show?.();
  // Move focus to the new page's heading so keyboard and screen reader users land on it.
  if (first) {
    const heading = $(`#view-${name} h1`);
    if (heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus({ preventScroll: true });
    }
  }
}

async function onSignedIn() {
  signedIn = true;
  try {
    session.setUser(await api.me());
  } catch {
    /* the page works without the profile */
  }
  const u = session.getUser();
  $("#user-email").textContent = u?.email || u?.displayName || "";
  $("#mainnav").hidden = false;
  $("#user-menu").hidden = false;
  $("#connection-status").hidden = false;
  command.reset();
  stream.start();
  if (routeName() === "login" || location.hash === "" || location.hash === "#/login") location.hash = "#/command";
  current = null;
  route();
}

async function signOut(message) {
  const was = signedIn;
  signedIn = false; // first, so the session listener below does not call back in
  if (!was) return; // already signed out (the stream and a failed refresh can both report it)
  stream.stop();
  await api.logout().catch(() => {});
  session.clear();
  $("#mainnav").hidden = true;
  $("#user-menu").hidden = true;
  $("#connection-status").hidden = true;
  command.reset();
  if (message) toast(message, "error");
  if (current) VIEWS[current].hide?.(); // stops the command center's periodic refresh
  current = null;
  location.hash = "#/login";
  route();
}

let countdown = null;
let announced = null;
function showConnection({ state, retryAt }) {
  const btn = $("#connection-status");
  // Announce changes of state only, not the countdown.
  if (signedIn && state !== announced && (state === "live" || announced === "live")) {
    announce(state === "live" ? "Live updates connected" : "Live updates interrupted, reconnecting");
  }
  announced = state;
  btn.dataset.state = state;
  clearInterval(countdown);
  const text = $(".conn-text", btn);
  const render = () => {
    const secs = retryAt ? Math.max(0, Math.ceil((retryAt - Date.now()) / 1000)) : 0;
    text.textContent =
      {
        live: "Live",
        connecting: "Connecting…",
        reconnecting: retryAt ? `Reconnecting in ${secs} s` : "Reconnecting…",
        offline: "Offline",
        idle: "Not connected",
      }[state] || state;
  };
  render();
  btn.title = state === "live" ? "Receiving live updates" : "Click to reconnect now";
  if (retryAt) countdown = setInterval(render, 1000);
  command.onConnection(state);
}

function setupTheme() {
  const btn = $("#theme-toggle");
  const media = matchMedia("(prefers-color-scheme: dark)");
  const effective = () => document.documentElement.dataset.theme || (media.matches ? "dark" : "light");
  const label = () => {
    const next = effective() === "dark" ? "light" : "dark";
    btn.setAttribute("aria-label", `Switch to ${next} theme`);
    btn.title = `Switch to ${next} theme`;
  };
  btn.addEventListener("click", () => {
    const next = effective() === "dark" ? "light" : "dark";
    document.documentElement.dataset.theme = next;
    try {
      localStorage.setItem("studio.theme", next);
    } catch {
      /* not persisted */
    }
    label();
    rethemeCharts();
  });
  media.addEventListener("change", () => {
    label();
    rethemeCharts();
  });
  label();
}

async function boot() {
  setupTheme();
  for (const v of Object.values(VIEWS)) v.init?.();
  login.onSuccess(onSignedIn);
  $("#sign-out").addEventListener("click", () => signOut());
  $("#connection-status").addEventListener("click", () => stream.reconnectNow());
  window.addEventListener("hashchange", route);
  session.onChange(() => {
    if (signedIn && !session.isSignedIn() && !session.getRefreshToken()) {
      signOut("Your session has ended. Please sign in again.");
    }
  });
  // A reload keeps the refresh token (sessionStorage): exchange it for a new access token.
  if (session.getRefreshToken()) {
    try {
      await api.refreshTokens();
      await onSignedIn();
      return;
    } catch (e) {
      // Keep the refresh token when the server is merely unreachable; drop it when refused.
      if (e.network) toast("The server cannot be reached right now.", "error");
      else session.clear();
    }
  }
  route();
}

boot();
