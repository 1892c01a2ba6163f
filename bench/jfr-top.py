#!/usr/bin/env python3
"""Hottest methods of a JFR recording: `bench/jfr-top.py FILE.jfr [N] [thread-substring]`.

Counts jdk.ExecutionSample events by their top frame (self time) and by any frame (total time,
each method once per sample), optionally only for threads whose name contains the substring.
bench/run records one per benchmark process when BENCH_JFR=1 (bench/results/run/raw/*.jfr).
"""
import collections
import re
import subprocess
import sys

path = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 20
only = sys.argv[3] if len(sys.argv) > 3 else None
out = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "64", path],
                     capture_output=True, text=True, check=True).stdout
self_t, total_t, threads = collections.Counter(), collections.Counter(), collections.Counter()
samples = 0
for event in out.split("jdk.ExecutionSample")[1:]:
    m = re.search(r'sampledThread = "([^"]*)"', event)
    thread = m.group(1) if m else "?"
    if only and only not in thread:
        continue
    frames = re.findall(r"^\s+([\w$.<>/]+)\(.*line:", event, re.M)
    if not frames:
        continue
    samples += 1
    threads[re.sub(r"\d+", "#", thread)] += 1
    self_t[frames[0]] += 1
    for f in set(frames):
        total_t[f] += 1
print(f"{samples} samples" + (f" (threads containing '{only}')" if only else ""))
for title, counter in (("threads", threads), ("self (top frame)", self_t), ("total (on stack)", total_t)):
    print(f"\n{title}:")
    for name, c in counter.most_common(n):
        print(f"  {100.0 * c / max(samples, 1):5.1f}%  {name}")
