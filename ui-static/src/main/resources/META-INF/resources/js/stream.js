// The live connection to GET /api/stream. It reconnects on its own with exponential backoff and
// jitter and resumes where it left off: EventSource sends Last-Event-ID by itself only on its own
// reconnects, and this class recreates the EventSource (to carry a fresh token), so it also passes
// the last id as the `lastEventId` query parameter.
import * as api from "./api.js";
import * as session from "./session.js";

const MIN_DELAY = 1000;
const MAX_DELAY = 30000;

/** Delay before reconnect attempt `n` (0-based): 1 s, 2 s, 4 s ... 30 s, with 50-100% jitter. */
export function backoff(n, random = Math.random) {
  const base = Math.min(MAX_DELAY, MIN_DELAY * 2 ** Math.min(n, 10));
  return Math.round(base * (0.5 + random() / 2));
}

export class LiveStream {
  /** handlers: onMetric(update), onAlert(alert, id), onState({state, retryAt, attempt}), onSignedOut() */
  constructor(handlers) {
    this.h = handlers;
    this.es = null;
    this.lastEventId = null;
    this.attempt = 0;
    this.timer = null;
    this.stopped = true;
    this.state = "idle";
    this.onOnline = () => this.reconnectNow();
  }

  start() {
    if (!this.stopped) return;
    this.stopped = false;
    window.addEventListener("online", this.onOnline);
    this.connect();
  }

  stop() {
    this.stopped = true;
    window.removeEventListener("online", this.onOnline);
    clearTimeout(this.timer);
    this.close();
    this.setState("idle");
  }

  reconnectNow() {
    if (this.stopped || this.state === "live") return;
    clearTimeout(this.timer);
    this.connect();
  }

  close() {
    if (this.es) {
      this.es.close();
      this.es = null;
    }
  }

  setState(state, retryAt = null) {
    this.state = state;
    this.h.onState?.({ state, retryAt, attempt: this.attempt, lastEventId: this.lastEventId });
  }

  async connect() {
    this.close();
    this.setState(this.attempt === 0 ? "connecting" : "reconnecting");
    let ticket;
    try {
      // A fresh stream ticket for every connection. EventSource hides a 401's status, so getting
      // the ticket first also checks the session: a 401 there refreshes the access token once.
      if (session.accessTokenStale()) await api.refreshTokens();
      const t = await api.streamTicket();
      ticket = t?.streamToken || t?.token || session.getAccessToken();
    } catch (e) {
      if (e.status === 401) {
        this.stop();
        this.h.onSignedOut?.();
        return;
      }
      if (e.unavailable) ticket = session.getAccessToken(); // serving without tickets
      else return this.scheduleRetry();
    }
    if (this.stopped) return;
    const es = new EventSource(api.streamUrl(ticket, this.lastEventId));
    this.es = es;
    es.onopen = () => {
      this.attempt = 0;
      this.setState("live");
    };
    es.addEventListener("metric", (e) => this.dispatch(e, "metric"));
    es.addEventListener("alert", (e) => this.dispatch(e, "alert"));
    es.onmessage = (e) => this.dispatch(e, null);
    es.onerror = () => {
      if (this.es !== es) return;
      this.close();
      if (!this.stopped) this.scheduleRetry();
    };
  }

  scheduleRetry() {
    const delay = backoff(this.attempt);
    this.attempt += 1;
    this.setState(navigator.onLine === false ? "offline" : "reconnecting", Date.now() + delay);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.connect(), delay);
  }

  dispatch(e, kind) {
    if (e.lastEventId) this.lastEventId = e.lastEventId;
    let data;
    try {
      data = JSON.parse(e.data);
    } catch {
      return; // heartbeats and anything not JSON
    }
    if (kind === "alert") this.h.onAlert?.(data, e.lastEventId);
    else if (kind === "metric" || (data && data.family && data.windowStart)) this.h.onMetric?.(data);
  }
}
