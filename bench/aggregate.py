#!/usr/bin/env python3
"""Reads the BENCH_RESULT lines of one bench/run, prints the table, writes latest.json.

Usage: aggregate.py RUN_DIR MODE OUT_JSON
  RUN_DIR/raw/*.log   every benchmark's output (BENCH_RESULT {json} lines, one per run)
  RUN_DIR/na.tsv      figures that could not be produced: name<TAB>reason
  RUN_DIR/machine.json machine facts taken at the start
Per figure: the median of the runs' values (and limits, and per-run ratios), and the spread
(min..max) of the values and ratios.
"""
import glob
import json
import os
import statistics
import sys
import time

# Every figure the suite promises (issue 9), in table order.
EXPECTED = [
    "ingest.webhooks_per_s",
    "analytics.job_events_per_s",
    "analytics.sentiment_job_comments_per_s",
    "influx.sink_points_per_s",
    "e2e.latency_p50_ms",
    "e2e.latency_p99_ms",
    "sse.fanout_p50_ms",
    "sse.fanout_p99_ms",
    "sentiment.comments_per_core_s.batch1",
    "sentiment.comments_per_core_s.batch8",
    "sentiment.comments_per_core_s.batch32",
]


def fmt(v, unit=""):
    if v is None:
        return "-"
    if isinstance(v, str):
        return v
    if abs(v) >= 100:
        s = f"{v:,.0f}"
    elif abs(v) >= 10:
        s = f"{v:.1f}"
    else:
        s = f"{v:.2f}"
    return s + (" " + unit if unit and unit != "1/s" else "")


def main():
    results, mode, out = sys.argv[1], sys.argv[2], sys.argv[3]
    runs = {}
    bench_na = {}
    for path in sorted(glob.glob(os.path.join(results, "raw", "*.log"))):
        with open(path, errors="replace") as f:
            for line in f:
                j = line.find("BENCH_NA ")
                if j >= 0:  # a benchmark that ran but could not measure, and says why
                    try:
                        r = json.loads(line[j + len("BENCH_NA "):])
                        bench_na.setdefault(r["name"], r["reason"])
                    except ValueError:
                        pass
                    continue
                i = line.find("BENCH_RESULT ")
                if i < 0:
                    continue
                try:
                    r = json.loads(line[i + len("BENCH_RESULT "):])
                except ValueError:
                    continue
                runs.setdefault(r["name"], []).append(r)
    na = dict(bench_na)
    na_path = os.path.join(results, "na.tsv")
    if os.path.exists(na_path):
        for line in open(na_path):
            if "\t" in line:
                name, reason = line.rstrip("\n").split("\t", 1)
                na.setdefault(name, reason)
    with open(os.path.join(results, "machine.json")) as f:
        machine = json.load(f)

    figures = []
    for name in EXPECTED + sorted(set(runs) - set(EXPECTED)):
        rs = runs.get(name, [])
        if not rs:
            figures.append({"name": name, "value": None, "unit": None, "limit": None,
                            "ratio": None, "target": None, "runs": 0,
                            "na_reason": na.get(name, "no result printed (see raw logs)")})
            continue
        values = [r["value"] for r in rs]
        limits = [r["limit"] for r in rs if r.get("limit") is not None]
        ratios = [r["ratio"] for r in rs if r.get("ratio") is not None]
        extra = {k: v for k, v in rs[-1].items()
                 if k not in ("name", "value", "unit", "limit", "limit_name", "ratio", "target")}
        figures.append({
            "name": name,
            "value": statistics.median(values),
            "unit": rs[0].get("unit"),
            "limit_name": rs[0].get("limit_name"),
            "limit": statistics.median(limits) if limits else None,
            "ratio": statistics.median(ratios) if ratios else None,
            "target": rs[0].get("target"),
            "runs": len(rs),
            "value_spread": [min(values), max(values)],
            "ratio_spread": [min(ratios), max(ratios)] if ratios else None,
            "run_values": values,
            "details": extra,
        })
    machine["load_average_end"] = open("/proc/loadavg").read().split()[:3]
    notes_path = os.path.join(results, "notes.txt")
    notes = [l.strip() for l in open(notes_path)] if os.path.exists(notes_path) else []
    doc = {"mode": mode, "notes": notes, "finished_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
           "machine": machine, "figures": figures}
    with open(out, "w") as f:
        json.dump(doc, f, indent=2)
        f.write("\n")

    rows = [("figure", "value (median)", "spread", "limit (same run)", "ratio", "target", "runs")]
    for g in figures:
        if g["value"] is None:
            rows.append((g["name"], "n/a", "", "", "", g.get("target") or "",
                         "0  (" + g["na_reason"] + ")"))
            continue
        lo, hi = g["value_spread"]
        spread = "-" if g["runs"] < 2 else f"{fmt(lo)}..{fmt(hi)}"
        limit = "-" if g["limit"] is None else f"{fmt(g['limit'], g['unit'])} ({g['limit_name']})"
        ratio = "-"
        if g["ratio"] is not None:
            ratio = f"{g['ratio']:.2f}"
            if g["runs"] > 1:
                ratio += f" ({g['ratio_spread'][0]:.2f}..{g['ratio_spread'][1]:.2f})"
        rows.append((g["name"], fmt(g["value"], g["unit"]), spread, limit, ratio,
                     g.get("target") or "-", str(g["runs"])))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    print()
    for n, r in enumerate(rows):
        print("  ".join(c.ljust(widths[i]) for i, c in enumerate(r[:-1])) + "  " + r[-1])
        if n == 0:
            print("  ".join("-" * w for w in widths) + "  ----")
    m = machine
    print(f"\nmachine: {m['cores']} cores, {m['memory_gib']} GiB, {m['jdk']}, {m['os']}; "
          f"load average at start {' '.join(m['load_average_start'])}, at end "
          f"{' '.join(machine['load_average_end'])}; commit {m['git_commit']}"
          f"{' (+ uncommitted changes)' if m.get('git_dirty') else ''}")
    for n in notes:
        print("note: " + n)
    print(f"written: {out}")


if __name__ == "__main__":
    main()
