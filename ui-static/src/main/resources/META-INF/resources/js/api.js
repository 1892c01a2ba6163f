// Every serving endpoint the dashboard calls, in one place, plus the fetch wrapper that adds the
// bearer token and refreshes it once on a 401. Align paths and field names with serving here only.
import * as session from "./session.js";

export const PATHS = {
  register: "/api/auth/register",
  login: "/api/auth/login",
  refresh: "/api/auth/refresh",
  logout: "/api/auth/logout",
  me: "/api/auth/me",
  streamToken: "/api/auth/stream-token",
  stream: "/api/stream",
  dashboard: "/api/analytics/dashboard",
  metrics: "/api/analytics/metrics",
  export: "/api/analytics/export",
  items: "/api/content/items",
  schedule: "/api/content/schedule",
  generate: "/api/content/generate",
  workflows: "/api/automation/workflows",
};

/** An HTTP failure with serving's reason; `unavailable` when the endpoint does not exist (yet). */
export class ApiError extends Error {
  constructor(status, message, body) {
    super(message);
    this.status = status;
    this.body = body;
    this.code = body && typeof body === "object" ? body.error : undefined;
    this.fields = (body && typeof body === "object" && body.fields) || {};
    this.unavailable = status === 404 || status === 405 || status === 501;
    this.network = status === 0;
  }
}

let refreshing = null;

/** Exchanges the stored refresh token for new tokens; one request at a time for the whole page. */
export function refreshTokens() {
  if (!refreshing) {
    refreshing = (async () => {
      const refreshToken = session.getRefreshToken();
      if (!refreshToken) throw new ApiError(401, "Not signed in");
      const body = await request("POST", PATHS.refresh, {
        body: { refreshToken },
        auth: false,
      });
      acceptTokens(body);
      return body;
    })().finally(() => {
      refreshing = null;
    });
  }
  return refreshing;
}

function acceptTokens(body) {
  const access = body?.accessToken ?? body?.access_token ?? body?.token;
  const refresh = body?.refreshToken ?? body?.refresh_token;
  const expiresIn = body?.expiresIn ?? body?.expires_in;
  if (!access) throw new ApiError(500, "serving returned no access token", body);
  session.setTokens(access, refresh, typeof expiresIn === "number" ? expiresIn : undefined);
}

/**
 * Sends a request. JSON in and out; `raw: true` returns the Response (for CSV). On a 401 with a
 * refresh token available, refreshes once and retries once.
 */
export async function request(method, path, opts = {}) {
  const { body, query, auth = true, retried = false, raw = false, accept } = opts;
  const url = path + queryString(query);
  const headers = { Accept: accept || "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (auth && session.getAccessToken()) {
    headers.Authorization = "Bearer " + session.getAccessToken();
  }
  let res;
  try {
    res = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch (e) {
    throw new ApiError(0, "serving is not reachable", null);
  }
  if (res.status === 401 && auth && !retried && session.getRefreshToken()) {
    try {
      await refreshTokens();
    } catch (e) {
      session.clear();
      throw new ApiError(401, "Your session has ended. Please sign in again.");
    }
    return request(method, path, { ...opts, retried: true });
  }
  if (!res.ok) {
    const parsed = await parseBody(res);
    throw new ApiError(res.status, reasonOf(parsed, res), parsed);
  }
  if (raw) return res;
  return parseBody(res);
}

async function parseBody(res) {
  if (res.status === 204) return null;
  const text = await res.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

// serving's error shape: {"error": code, "reason": text, "fields": {name: message}}.
function reasonOf(body, res) {
  if (body && typeof body === "object") {
    const fields = body.fields && typeof body.fields === "object" ? Object.entries(body.fields) : [];
    if (fields.length) return fields.map(([k, v]) => `${k} ${v}`).join("; ");
    const msg = body.reason || body.detail || body.message || body.error || body.title;
    if (msg) return String(msg);
  }
  if (typeof body === "string" && body.length < 200) return body;
  return `${res.status} ${res.statusText || "request failed"}`;
}

export function queryString(query) {
  if (!query) return "";
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== "") p.set(k, String(v));
  }
  const s = p.toString();
  return s ? "?" + s : "";
}

/** Lists come back as an array or wrapped ({items|content|data|rules|...: [...]}). */
export function asList(body) {
  if (Array.isArray(body)) return body;
  if (body && typeof body === "object") {
    for (const k of ["items", "content", "data", "rules", "workflows", "entries", "results", "history", "executions", "points"]) {
      if (Array.isArray(body[k])) return body[k];
    }
  }
  return [];
}

// ---- auth
export async function login(email, password) {
  const body = await request("POST", PATHS.login, { body: { email, password }, auth: false });
  acceptTokens(body);
  return body;
}
export async function register(email, password, displayName) {
  const body = await request("POST", PATHS.register, {
    body: { email, password, displayName: displayName || undefined },
    auth: false,
  });
  // serving signs the new account in directly (201 with tokens); older shapes expect a login.
  if (body?.accessToken || body?.access_token) acceptTokens(body);
  else await login(email, password);
  return body;
}
export async function logout() {
  const refreshToken = session.getRefreshToken();
  try {
    if (refreshToken) await request("POST", PATHS.logout, { body: { refreshToken } });
  } finally {
    session.clear();
  }
}
export const me = () => request("GET", PATHS.me);

// ---- stream. EventSource cannot send headers, so a token goes in the query string, on this path
// only. A stream ticket (minutes-long, valid only on /api/stream) is used rather than the access
// token, so what may end up in a proxy log is worth little.
export const streamTicket = () => request("POST", PATHS.streamToken);
export function streamUrl(token, lastEventId) {
  return PATHS.stream + queryString({ access_token: token, lastEventId });
}

// ---- analytics
/** period: 1h|6h|24h|7d|30d (serving compares with the previous period of equal length). */
export const dashboard = (period) => request("GET", PATHS.dashboard, { query: { period } });
/** params: metric (family.value), scope, content (subject), from, to (ISO), step (e.g. 1m). */
export const metrics = (params) => request("GET", PATHS.metrics, { query: params });
export async function exportCsv(params) {
  const res = await request("GET", PATHS.export, {
    query: { ...params, format: "csv" },
    raw: true,
    accept: "text/csv",
  });
  return res.blob();
}

// ---- content
export const listItems = () => request("GET", PATHS.items);
export const createItem = (item) => request("POST", PATHS.items, { body: item });
export const updateItem = (id, item) => request("PUT", `${PATHS.items}/${enc(id)}`, { body: item });
export const deleteItem = (id) => request("DELETE", `${PATHS.items}/${enc(id)}`);
/** {from, to} ISO instants; serving defaults to the last 7 and next 60 days. */
export const listSchedule = (range) => request("GET", PATHS.schedule, { query: range });
/** entry: contentId (uuid), publishAt (ISO instant, future), platform (optional). */
export const scheduleItem = (entry) => request("POST", PATHS.schedule, { body: entry });
export const unschedule = (id) => request("DELETE", `${PATHS.schedule}/${enc(id)}`);
/** req: type, topic, platform, tone, keywords[] (and images: true when asked; serving ignores it
 * today). Answers {platform, type, title, body, hashtags, text, template, trimmed, generation}. */
export const generate = (req) => request("POST", PATHS.generate, { body: req });

// ---- automation rules
export const listRules = () => request("GET", PATHS.workflows);
export const createRule = (rule) => request("POST", PATHS.workflows, { body: rule });
export const updateRule = (id, rule) => request("PUT", `${PATHS.workflows}/${enc(id)}`, { body: rule });
export const deleteRule = (id) => request("DELETE", `${PATHS.workflows}/${enc(id)}`);
export const setRuleEnabled = (id, enabled) =>
  request("PATCH", `${PATHS.workflows}/${enc(id)}`, { body: { enabled } });
/** The topology's view: {ruleId, ..., subjects: [{subject, currentValue, currentWindowEnd,
 * lastFiredAt, cooldownUntil, holding}]}; 404 state_unknown before any data reached the rule. */
export const ruleState = (id) => request("GET", `${PATHS.workflows}/${enc(id)}/state`);
/** {executions: [{firedAt, subject, actionType, status, error, provider, model, costUsd, contentId, ...}]} */
export const ruleHistory = (id) =>
  request("GET", `${PATHS.workflows}/${enc(id)}/executions`, { query: { limit: 50 } });

function enc(id) {
  return encodeURIComponent(String(id));
}
