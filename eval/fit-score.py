#!/usr/bin/env python3
"""Fits the engine's learned raised-voice score on labelled calls, and picks its opening threshold.

Usage: eval/fit-score.py --train CALLS_DIR:INPUTS_DIR [--train ...] --out MODEL.properties
                         [--select-on CALLS_DIR ...] [--classpath CP] [--version NAME]

INPUTS_DIR holds NAME.inputs.csv for each labelled call NAME.wav of CALLS_DIR, as written by
  java -cp CP io.tonewatch.processor.engine.learn.FoldAnalysis --rule --dump CALLS_DIR INPUTS_DIR
(the engine's own per-frame model inputs, measured against the baseline the call itself learns, so the
model is fitted on exactly what it will see live). Every voiced decision frame inside a labelled
segment is a sample: raised segments 1, calm segments 0 (music and gaps are left out). The model is an
L2-regularised logistic regression fitted by iteratively reweighted least squares (numpy), each class
weighted to half the total so that the many calm frames do not swamp the raised ones.

The opening threshold is then chosen on the training calls themselves (never on held-out ones): each
candidate of --grid (or of --grid-step S: 0 to 3 in steps of S) is run through the engine on every --select-on directory (default: the --train
calls) and scored by ../shared/eval/score.py; the lowest whose false alarms stay at or under
--max-fa-per-min (default 0.25) is kept, found by bisection (false alarms fall as it rises). The other thresholds follow from it: closing 2 log-odds
lower, shouting 3 higher, and an early-turn penalty of --early-penalty log-odds times voiced frames.
"""
import argparse
import csv
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INPUTS = ["pitch_st", "pitch_rise_over_4_st", "level_rise_over_3_db", "level_p90_rise_over_6_db", "level_sd_db",
          "tilt_db", "hammarberg_drop_db", "pitch_effort", "cold", "cold_tilt_db", "cold_hammarberg_drop_db"]
SUMMARY = re.compile(r"recall=(\S+) fa_per_calm_min=(\S+)")
CLOSE_BELOW_OPEN = 2.0
SHOUTING_ABOVE_OPEN = 3.0


def samples(calls, inputs):
    """Feature rows and labels of every voiced decision frame inside a labelled segment."""
    xs, ys = [], []
    for labels in sorted(glob.glob(os.path.join(calls, "*.csv"))):
        name = os.path.basename(labels)[:-4]
        dump = os.path.join(inputs, name + ".inputs.csv")
        if not os.path.exists(dump):
            raise SystemExit(f"fit-score: {dump} is missing (run FoldAnalysis --dump first)")
        segs = {}
        with open(labels) as fi:
            for r in csv.DictReader(fi):
                if r["label"] in ("calm", "raised"):
                    segs.setdefault(r["leg"], []).append(
                        (float(r["start_s"]), float(r["end_s"]), r["label"] == "raised"))
        data = np.genfromtxt(dump, delimiter=",", names=True, dtype=None, encoding="utf-8")
        if data.size == 0:
            continue
        data = np.atleast_1d(data)
        for leg, ss in segs.items():
            rows = data[data["leg"] == leg]
            t = rows["time_s"]
            x = np.column_stack([rows[k] for k in INPUTS]).astype(float)
            for start, end, raised in ss:
                inside = (t >= start) & (t <= end)
                xs.append(x[inside])
                ys.append(np.full(int(inside.sum()), 1.0 if raised else 0.0))
    return np.concatenate(xs), np.concatenate(ys)


def logistic(x, y, l2):
    """Weights (bias first) of an L2-regularised logistic regression on standardised inputs."""
    mu, sd = x.mean(axis=0), x.std(axis=0)
    sd[sd == 0] = 1.0
    z = np.column_stack([np.ones(len(x)), (x - mu) / sd])
    w_class = np.where(y > 0, 0.5 / max(y.sum(), 1), 0.5 / max((1 - y).sum(), 1)) * len(y)
    beta = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(z @ beta, -30, 30)))
        s = w_class * p * (1 - p)
        grad = z.T @ (w_class * (y - p)) - penalty * beta
        hess = (z * s[:, None]).T @ z + np.diag(penalty)
        step = np.linalg.solve(hess, grad)
        beta += step
        if np.max(np.abs(step)) < 1e-8:
            break
    weights = beta[1:] / sd  # back to raw units
    bias = beta[0] - np.sum(beta[1:] * mu / sd)
    return bias, weights


def write(path, version, bias, weights, open_logit, early_penalty, note):
    with open(path, "w") as fo:
        fo.write(f"# The engine's learned raised-voice score (log-odds), fitted by eval/fit-score.py.\n"
                 f"# {note}\n")
        fo.write(f"version={version}\nbias={bias:.6f}\n")
        for k, w in zip(INPUTS, weights):
            fo.write(f"weight.{k}={w:.6f}\n")
        fo.write(f"open.logit={open_logit:.3f}\nclose.logit={open_logit - CLOSE_BELOW_OPEN:.3f}\n"
                 f"early.penalty={early_penalty:.3f}\nshouting.logit={open_logit + SHOUTING_ABOVE_OPEN:.3f}\n")


def false_alarms_and_recall(classpath, model, calls_dirs):
    """Pooled over the directories: (false alarms per calm minute, recall)."""
    fa_calm = []
    caught = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for i, calls in enumerate(calls_dirs):
            events = os.path.join(tmp, str(i))
            subprocess.run(["java", "-cp", classpath, "io.tonewatch.processor.engine.learn.FoldAnalysis",
                            "--model", model, calls, events], check=True)
            out = subprocess.run([sys.executable, os.path.join(ROOT, "..", "shared", "eval", "score.py"),
                                  calls, events], check=True, capture_output=True, text=True).stdout
            m = SUMMARY.search(out)
            fa_calm.append(float(m.group(2)))
            caught += float(m.group(1))
    return float(np.mean(fa_calm)), caught / len(calls_dirs)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", action="append", required=True, help="CALLS_DIR:INPUTS_DIR")
    ap.add_argument("--out", required=True)
    ap.add_argument("--select-on", action="append")
    ap.add_argument("--classpath", default=os.pathsep.join(
        [os.path.join(ROOT, "stream-processor", "target", d) for d in ("classes", "test-classes")]
        + [os.path.join(ROOT, "events", "target", "classes"),
           os.path.join(ROOT, "app", "target", "tonewatch.jar")]))
    ap.add_argument("--version", default="rv-logit")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--early-penalty", type=float, default=16.0)
    ap.add_argument("--max-fa-per-min", type=float, default=0.25)
    ap.add_argument("--grid", default="0,0.25,0.5,0.75,1,1.25,1.5,1.75,2,2.5,3")
    ap.add_argument("--grid-step", type=float,
                    help="instead of --grid: every multiple of this from 0 to 3 (a finer picker, "
                         "one more engine run per halving of the step)")
    args = ap.parse_args()
    if args.grid_step:
        steps = int(round(3 / args.grid_step))
        args.grid = ",".join(f"{i * args.grid_step:g}" for i in range(steps + 1))
        grid_text = f"0 to 3 in steps of {args.grid_step:g}"
    else:
        grid_text = args.grid
    parts = [s.rsplit(":", 1) for s in args.train]
    xs, ys = zip(*(samples(c, i) for c, i in parts))
    x, y = np.concatenate(xs), np.concatenate(ys)
    bias, weights = logistic(x, y, args.l2)
    note = f"{len(y)} frames ({int(y.sum())} raised) of {len(parts)} call sets"
    print(f"fit-score: {note}; bias {bias:.3f}, " + ", ".join(
        f"{k} {w:.3f}" for k, w in zip(INPUTS, weights)), file=sys.stderr)
    select = args.select_on or [c for c, _ in parts]
    grid = [float(g) for g in args.grid.split(",")]
    lo, hi = 0, len(grid) - 1  # false alarms fall as the threshold rises: bisect for the lowest
    while lo < hi:
        mid = (lo + hi) // 2
        write(args.out, args.version, bias, weights, grid[mid], args.early_penalty, note)
        fa, recall = false_alarms_and_recall(args.classpath, args.out, select)
        print(f"fit-score: open.logit {grid[mid]:+.2f}: recall {recall:.3f}, "
              f"{fa:.3f} false alarms per calm minute", file=sys.stderr)
        if fa <= args.max_fa_per_min:
            hi = mid
        else:
            lo = mid + 1
    chosen = grid[lo]
    write(args.out, args.version, bias, weights, chosen, args.early_penalty,
          note + f"; open.logit is the lowest of {grid_text} with <= {args.max_fa_per_min} false alarms "
          "per calm minute on those calls")
    print(f"fit-score: wrote {args.out} (open.logit {chosen:+.2f})", file=sys.stderr)


if __name__ == "__main__":
    main()
