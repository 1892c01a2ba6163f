// Rule windows and cooldowns: the form works in minutes, the API in ISO-8601 durations ("PT15M").
// Reading also accepts seconds (a number) and "15m"/"1h" shorthands, so an API change is one edit.

export function toDuration(minutes) {
  const m = Math.max(0, Math.round(minutes));
  return `PT${m}M`;
}

/** Minutes of a duration given as ISO-8601, seconds or shorthand; 0 when unreadable. */
export function durationMinutes(d) {
  if (typeof d === "number" && Number.isFinite(d)) return Math.round(d / 60);
  if (typeof d !== "string") return 0;
  const iso = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(d.trim());
  if (iso) {
    const [, days = 0, hours = 0, mins = 0, secs = 0] = iso;
    return Math.round(Number(days) * 1440 + Number(hours) * 60 + Number(mins) + Number(secs) / 60);
  }
  const short = /^(\d+(?:\.\d+)?)\s*(s|m|h|d)$/i.exec(d.trim());
  if (short) {
    const n = Number(short[1]);
    return Math.round({ s: n / 60, m: n, h: n * 60, d: n * 1440 }[short[2].toLowerCase()]);
  }
  return 0;
}
