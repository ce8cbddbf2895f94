#!/usr/bin/env python3
"""Capture-to-decision lag over a window, from two scrapes of the processor's /metrics.

The histogram tonewatch_process_frame_lag_seconds is cumulative, so the difference of two scrapes
is exactly the frames analysed between them. Prints their count, the share within the 200 ms
budget, and p50/p99 interpolated linearly inside the bucket that holds them (so a quantile is
known to lie between that bucket's bounds, not more precisely).

Usage: lag-window.py BEFORE.prom AFTER.prom [HISTOGRAM]
  HISTOGRAM: another histogram in seconds, e.g. tonewatch_ingest_publish_latency_seconds; its
  lines are labelled with its name
"""
import math
import re
import sys

METRIC = "tonewatch_process_frame_lag_seconds"


def buckets(path, metric):
    pattern = re.compile(r"^" + metric + r'_bucket\{.*?le="([^"]+)".*\}\s+(\S+)$')
    found = {}
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            match = pattern.match(line.strip())
            if match:
                bound = math.inf if match.group(1) == "+Inf" else float(match.group(1))
                found[bound] = found.get(bound, 0.0) + float(match.group(2))
    return found


def quantile(bounds, counts, q):
    total = counts[-1]
    rank = q * total
    lower, below = 0.0, 0.0
    for bound, cumulative in zip(bounds, counts):
        if cumulative >= rank:
            if math.isinf(bound):
                return math.inf
            inside = cumulative - below
            share = (rank - below) / inside if inside else 0.0
            return lower + share * (bound - lower)
        lower, below = bound, cumulative
    return math.inf


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    metric = sys.argv[3] if len(sys.argv) == 4 else METRIC
    before, after = buckets(sys.argv[1], metric), buckets(sys.argv[2], metric)
    if not after:
        sys.exit(f"lag-window: no {metric}_bucket in {sys.argv[2]}")
    bounds = sorted(after)
    counts = [after[b] - before.get(b, 0.0) for b in bounds]
    total = counts[-1]
    label = "lag" if metric == METRIC else metric.replace("tonewatch_", "").replace("_seconds", "")
    if total <= 0:
        print(f"  {label:<9} no samples in the window")
        return
    budget = min((b for b in bounds if b >= 0.2), default=math.inf)
    within = counts[bounds.index(budget)] / total

    def ms(seconds):
        return ">%.0f ms" % (bounds[-2] * 1000) if math.isinf(seconds) else "%.1f ms" % (seconds * 1000)

    print(
        f"  {label:<9} window: {total:.0f} samples, {within * 100:.2f} % within {ms(budget)},"
        f" p50 {ms(quantile(bounds, counts, 0.5))}, p99 {ms(quantile(bounds, counts, 0.99))}"
    )


if __name__ == "__main__":
    main()
