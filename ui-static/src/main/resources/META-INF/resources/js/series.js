// Pure data handling for MetricUpdates (no DOM): a window's latest emission replaces earlier ones,
// so an early point is overwritten by its final, and a final by a correction.

const EMISSION_RANK = { early: 0, final: 1, correction: 2 };

/** Epoch ms of an ISO string, epoch seconds or epoch ms; NaN when unreadable. */
export function toMillis(t) {
  if (typeof t === "number") return t < 1e12 ? t * 1000 : t;
  if (typeof t === "string") return Date.parse(t);
  return NaN;
}

/** The series a MetricUpdate belongs to, as MetricUpdate.seriesKey() builds it. */
export function seriesKey(u) {
  return `${u.family}/${u.scope}/${u.subject}/${u.platform || "all"}`;
}

/** True when `next` should replace `prev` for the same series and window. */
export function supersedes(next, prev) {
  if (!prev) return true;
  const a = toMillis(next.emittedAt);
  const b = toMillis(prev.emittedAt);
  if (a !== b && !Number.isNaN(a) && !Number.isNaN(b)) return a > b;
  return (EMISSION_RANK[next.emission] ?? 0) >= (EMISSION_RANK[prev.emission] ?? 0);
}

/** One series: window start (ms) -> latest update for that window, bounded to `max` windows. */
export class WindowSeries {
  constructor(max = 120) {
    this.max = max;
    this.windows = new Map();
  }

  /** Applies an update; returns true when the stored point changed. */
  apply(u) {
    const t = toMillis(u.windowStart);
    if (Number.isNaN(t)) return false;
    if (!supersedes(u, this.windows.get(t))) return false;
    this.windows.set(t, u);
    if (this.windows.size > this.max) {
      const oldest = [...this.windows.keys()].sort((x, y) => x - y);
      for (const k of oldest.slice(0, this.windows.size - this.max)) this.windows.delete(k);
    }
    return true;
  }

  times() {
    return [...this.windows.keys()].sort((x, y) => x - y);
  }

  get(t) {
    return this.windows.get(t);
  }
}

/**
 * Adds up one value over a user's creators (a user may own several): per creator the job's
 * all-platform value when there is one, else the sum over that creator's platforms.
 * `valueOf(creatorId, platform)` gives a number or null.
 */
export function totalOverCreators(keys, valueOf) {
  const creators = new Map();
  for (const [creator, platform] of keys) {
    if (!creators.has(creator)) creators.set(creator, new Set());
    creators.get(creator).add(platform);
  }
  let total = null;
  for (const [creator, platforms] of creators) {
    let v = platforms.has("all") ? valueOf(creator, "all") : null;
    if (v === null) {
      for (const p of platforms) {
        if (p === "all") continue;
        const x = valueOf(creator, p);
        if (x !== null) v = (v ?? 0) + x;
      }
    }
    if (v !== null) total = (total ?? 0) + v;
  }
  return total;
}

function splitKey(k) {
  const i = k.lastIndexOf("|");
  return [k.slice(0, i), k.slice(i + 1)];
}

/**
 * A creator-scope family per minute, totalled over the user's creators and platforms (see
 * totalOverCreators), one series per (creator, platform).
 */
export class CreatorSeries {
  constructor(family, max = 120) {
    this.family = family;
    this.max = max;
    this.series = new Map(); // "creator|platform" -> WindowSeries
  }

  accepts(u) {
    return Boolean(u) && u.family === this.family && u.scope === "creator";
  }

  apply(u) {
    if (!this.accepts(u)) return false;
    const k = `${u.creatorId || ""}|${u.platform || "all"}`;
    if (!this.series.has(k)) this.series.set(k, new WindowSeries(this.max));
    return this.series.get(k).apply(u);
  }

  /** uPlot columns: [[epoch seconds...], [values of names[0]...], ...], the last `max` windows. */
  columns(names) {
    const times = new Set();
    for (const s of this.series.values()) for (const t of s.times()) times.add(t);
    const sorted = [...times].sort((a, b) => a - b).slice(-this.max);
    const keys = [...this.series.keys()].map(splitKey);
    const cols = [sorted.map((t) => t / 1000)];
    for (const name of names) {
      cols.push(
        sorted.map((t) =>
          totalOverCreators(keys, (c, p) => numberOrNull(this.series.get(`${c}|${p}`).get(t)?.values?.[name])),
        ),
      );
    }
    return cols;
  }
}

/** The latest value of a level (followers, MRR) per (creator, platform), and its total. */
export class LatestLevel {
  constructor(family, name) {
    this.family = family;
    this.name = name;
    this.latest = new Map(); // "creator|platform" -> update
  }

  apply(u) {
    if (!u || u.family !== this.family || u.scope !== "creator" || typeof u.values?.[this.name] !== "number") return false;
    const k = `${u.creatorId || ""}|${u.platform || "all"}`;
    const prev = this.latest.get(k);
    if (prev) {
      const a = toMillis(u.windowStart);
      const b = toMillis(prev.windowStart);
      if (a < b || (a === b && !supersedes(u, prev))) return false;
    }
    this.latest.set(k, u);
    return true;
  }

  total() {
    const keys = [...this.latest.keys()].map(splitKey);
    return totalOverCreators(keys, (c, p) => numberOrNull(this.latest.get(`${c}|${p}`)?.values?.[this.name]));
  }

  /** A label of the latest update (e.g. the currency of MRR). */
  label(name) {
    for (const u of this.latest.values()) if (u.labels?.[name]) return u.labels[name];
    return undefined;
  }
}

/** Latest update per subject of one family and scope (e.g. trends of hashtags). */
export class LatestBySubject {
  constructor(family, scope, max = 200) {
    this.family = family;
    this.scope = scope;
    this.max = max;
    this.items = new Map();
  }

  apply(u) {
    if (!u || u.family !== this.family || u.scope !== this.scope) return false;
    const key = `${u.creatorId || ""}/${u.subject}/${u.platform || "all"}`;
    const prev = this.items.get(key);
    if (prev) {
      const a = toMillis(u.windowStart);
      const b = toMillis(prev.windowStart);
      if (a < b || (a === b && !supersedes(u, prev))) return false;
    }
    this.items.set(key, u);
    if (this.items.size > this.max) {
      const oldest = [...this.items.entries()].sort(
        (x, y) => toMillis(x[1].windowStart) - toMillis(y[1].windowStart),
      )[0];
      this.items.delete(oldest[0]);
    }
    return true;
  }

  /** Trending first, then by velocity, top `n`. */
  top(n = 8) {
    return [...this.items.values()]
      .sort(
        (a, b) =>
          (b.values?.trending ?? 0) - (a.values?.trending ?? 0) ||
          (b.values?.velocity ?? 0) - (a.values?.velocity ?? 0),
      )
      .slice(0, n);
  }
}

function numberOrNull(v) {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}
