#!/usr/bin/env python3
"""Speaker-grouped cross-validation of the engine on the development speakers.

Usage: eval/crossval.py [--folds 6] [--condition clean|agc|snr10]... [--work DIR] [--jar JAR]
                        [--data DIR] [--fit]

The 36 development speakers (5 EmoDB, 31 CREMA-D) are split into speaker folds, stratified by corpus
and sex. For each held-out fold, labelled pseudo-calls are built by ../shared/eval/make_calls.py from
that fold's speakers only (one set per corpus), so a test call never holds a training speaker's voice.
With --fit, eval/fit-score.py fits the learned score on the utterances of the other folds and the
held-out calls are analysed with that fold's model; without it, the engine's bundled settings are
used (nothing is learned from these speakers, so the held-out figure is the only figure).
Every fold's events are scored by ../shared/eval/score.py, per fold and corpus, then pooled per corpus
and over everything (pooled = all held-out calls scored together, exactly as one call set).

Conditions (each a copy built inside the fold, from the fold's own utterances):
  clean   the utterances as stored
  agc     every utterance loudness-normalised to the same active-speech level first (strong AGC)
  snr10   white noise added to every leg at 10 dB under that leg's active-speech level

Needs python3 with numpy and scipy, and the runnable jar (mvn -B -q -DskipTests package).
"""
import argparse
import csv
import glob
import os
import re
import shutil
import subprocess
import sys

import numpy as np
from scipy.io import wavfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SUMMARY = re.compile(
    r"recall=(\S+) fa_per_calm_min=(\S+) calm_segs_with_fa=(\d+)/(\d+) "
    r"median_latency_s=(\S+) p90_latency_s=(\S+)")
SCENARIO = re.compile(r"(\w+?):recall=(\S+?),fa=(\d+)")
CALLS_SEED = "41"


def speakers(data):
    """Speaker id -> (corpus, sex, [utterance paths])."""
    out = {}
    for f in sorted(glob.glob(os.path.join(data, "emodb8k", "*.wav"))):
        b = os.path.basename(f)
        out.setdefault(b[:2], ("emodb", EMODB_SEX[b[:2]], []))[2].append(f)
    sex = {}
    with open(os.path.join(data, "cremad8k", "actors.csv")) as fi:
        for row in csv.DictReader(fi):
            sex[row["speaker"]] = row["sex"]
    for f in sorted(glob.glob(os.path.join(data, "cremad8k", "*.wav"))):
        s = os.path.basename(f).split("_")[0]
        out.setdefault(s, ("cremad", sex[s], []))[2].append(f)
    return out


EMODB_SEX = {"03": "male", "08": "female", "09": "female", "10": "male", "11": "male"}


def folds(spk, k):
    """Round-robin over speakers sorted by corpus, sex and id: every fold gets a share of each."""
    order = sorted(spk, key=lambda s: (spk[s][0], spk[s][1], s))
    return [order[i::k] for i in range(k)]


def active_rms(x):
    """RMS over the 20 ms frames within 30 dB of the loudest: the speech, not the pauses."""
    n = len(x) // 160
    if n == 0:
        return float(np.sqrt(np.mean(x ** 2))) if len(x) else 0.0
    frames = x[: n * 160].reshape(n, 160)
    e = np.mean(frames ** 2, axis=1)
    keep = e >= e.max() * 1e-3
    return float(np.sqrt(np.mean(e[keep])))


def stage_utterances(files, dest, condition):
    os.makedirs(dest, exist_ok=True)
    for f in files:
        target = os.path.join(dest, os.path.basename(f))
        if condition != "agc":
            os.symlink(os.path.abspath(f), target)
            continue
        rate, x = wavfile.read(f)
        x = x.astype(np.float64)
        rms = active_rms(x)
        y = x * (3000.0 / rms) if rms > 0 else x  # about -21 dBFS of active speech
        wavfile.write(target, rate, np.clip(np.round(y), -32768, 32767).astype(np.int16))


def add_noise(calls, snr_db, seed):
    """White noise on every leg, snr_db under the active level of that leg's labelled speech."""
    rng = np.random.default_rng(seed)
    for wav in sorted(glob.glob(os.path.join(calls, "*.wav"))):
        rate, x = wavfile.read(wav)
        x = x.astype(np.float64)
        two = x.ndim == 2
        chans = [x[:, 0], x[:, 1]] if two else [x]
        out = []
        for ch in chans:
            noise_rms = active_rms(ch) * 10 ** (-snr_db / 20)
            out.append(ch + rng.normal(0, noise_rms, len(ch)))
        y = np.stack(out, axis=1) if two else out[0]
        wavfile.write(wav, rate, np.clip(np.round(y), -32768, 32767).astype(np.int16))


def build_calls(work, fold, corpus, files, condition, data):
    calls = os.path.join(work, "calls", condition, f"k{fold}-{corpus}")
    if os.path.exists(os.path.join(calls, ".done")):
        return calls
    shutil.rmtree(calls, ignore_errors=True)
    utt = os.path.join(work, "utt", condition, f"k{fold}-{corpus}")
    shutil.rmtree(utt, ignore_errors=True)
    stage_utterances(files, utt, condition)
    make = os.path.join(data, "..", "eval", "make_calls.py")
    subprocess.run([sys.executable, make, utt, calls, CALLS_SEED], check=True,
                   stdout=subprocess.DEVNULL)
    if condition == "snr10":
        add_noise(calls, 10.0, 1000 + fold)
    open(os.path.join(calls, ".done"), "w").close()
    return calls


ENGINE = {}


def snapshot(work, tag):
    """A copy of the engine as built in this tree, so a rebuild during a run cannot change it."""
    dest = os.path.join(work, "engine", tag)
    shutil.rmtree(dest, ignore_errors=True)
    for module, part in PARTS:
        shutil.copytree(os.path.join(ROOT, module, "target", part), os.path.join(dest, module, part))
    ENGINE["dir"] = dest


PARTS = [("stream-processor", "classes"), ("stream-processor", "test-classes"), ("events", "classes")]


def classpath(jar):
    """The engine and event classes of the snapshot first, then the jar for their dependencies."""
    return os.pathsep.join([os.path.join(ENGINE["dir"], m, p) for m, p in PARTS] + [jar])


def analyse(jar, calls, events, model, dump=False):
    shutil.rmtree(events, ignore_errors=True)
    cmd = ["nice", "-n", "10", "java"]
    if model:
        cmd += ["-cp", classpath(jar), "io.tonewatch.processor.engine.learn.FoldAnalysis"]
        cmd += ["--rule"] if model == "rule" else ["--model", model]
        cmd += (["--dump"] if dump else []) + [calls, events]
    else:
        cmd += ["-jar", jar, "eval", calls, "--out", events]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def score(data, calls, events):
    out = subprocess.run([sys.executable, os.path.join(data, "..", "eval", "score.py"), calls, events],
                         check=True, capture_output=True, text=True).stdout
    m = SUMMARY.search(out)
    scen = dict((k, (float(r), int(f))) for k, r, f in SCENARIO.findall(out.split("by_scenario:")[1]))
    return {"recall": float(m.group(1)), "fa_min": float(m.group(2)), "calm_hit": int(m.group(3)),
            "calm_n": int(m.group(4)), "lat50": float(m.group(5)), "lat90": float(m.group(6)),
            "hot": scen.get("hot", (float("nan"), 0))[0], "calm_fa": scen.get("calm", (0, 0))[1]}


def pool(dest, parts):
    """One call set of many folds' calls and events, renamed so score.py still sees the scenario."""
    calls, events = os.path.join(dest, "calls"), os.path.join(dest, "events")
    shutil.rmtree(dest, ignore_errors=True)
    os.makedirs(calls)
    os.makedirs(events)
    for tag, c, e in parts:
        for csvf in glob.glob(os.path.join(c, "*.csv")):
            name = os.path.basename(csvf)[:-4]
            scen, rest = name.split("_", 1)
            new = f"{scen}_{tag}-{rest}"
            os.symlink(os.path.abspath(csvf), os.path.join(calls, new + ".csv"))
            os.symlink(os.path.abspath(csvf[:-4] + ".wav"), os.path.join(calls, new + ".wav"))
            for ev in glob.glob(os.path.join(e, name + ".*")):
                suffix = os.path.basename(ev)[len(name):]
                os.symlink(os.path.abspath(ev), os.path.join(events, new + suffix))
    return calls, events


def row(label, s):
    return (f"| {label} | {s['recall']:.3f} | {s['hot']:.3f} | {s['fa_min']:.3f} | {s['calm_fa']} | "
            f"{s['calm_hit']}/{s['calm_n']} | {s['lat50']:.2f} / {s['lat90']:.2f} s |")


CONDITIONS = ["clean", "agc", "snr10"]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--folds", type=int, default=6)
    ap.add_argument("--condition", action="append", choices=CONDITIONS)
    ap.add_argument("--work", default="/tmp/tonewatch-cv")
    ap.add_argument("--jar", default=os.path.join(ROOT, "app", "target", "tonewatch.jar"))
    ap.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "data"))
    ap.add_argument("--fit", action="store_true", help="fit the learned score inside the folds")
    ap.add_argument("--model", help="analyse every fold with this model file (e.g. the bundled one)")
    ap.add_argument("--bundle", help="fit on every fold and write the model to this file")
    ap.add_argument("--tag", default="run", help="name of this run's events under WORK")
    ap.add_argument("--fit-args", default="", help="extra arguments for eval/fit-score.py")
    args = ap.parse_args()
    snapshot(args.work, args.tag)
    spk = speakers(args.data)
    split = folds(spk, args.folds)
    sets = {}  # (condition, fold, corpus) -> calls dir
    for condition in CONDITIONS if (args.fit or args.bundle) else (args.condition or ["clean"]):
        for k, fold_speakers in enumerate(split):
            for corpus in ("emodb", "cremad"):
                files = [f for s in fold_speakers if spk[s][0] == corpus for f in spk[s][2]]
                if files:
                    sets[(condition, k, corpus)] = build_calls(args.work, k, corpus, files, condition,
                                                               args.data)
    if args.bundle:
        fit(args, sets, None, args.bundle)
        return
    header = ("| held out | recall | `hot_` recall | FA / calm min | `calm_` FAs | calm segs with FA | "
              "latency median / p90 |\n| --- | --- | --- | --- | --- | --- | --- |")
    models = {k: fit(args, sets, k, None) for k in range(len(split))} if args.fit else {}
    for condition in args.condition or ["clean"]:
        parts = {"emodb": [], "cremad": []}
        print(f"\n## condition {condition}, {args.folds} speaker folds\n\n{header}")
        for k, fold_speakers in enumerate(split):
            for corpus in ("emodb", "cremad"):
                calls = sets.get((condition, k, corpus))
                if not calls:
                    continue
                events = os.path.join(args.work, "events", args.tag, condition, f"k{k}-{corpus}")
                analyse(args.jar, calls, events, models.get(k, args.model))
                parts[corpus].append((f"k{k}", calls, events))
                names = " ".join(s for s in fold_speakers if spk[s][0] == corpus)
                print(row(f"fold {k} {corpus} ({names})", score(args.data, calls, events)), flush=True)
        pooled = os.path.join(args.work, "pooled", args.tag, condition)
        for corpus, p in parts.items():
            print(row(f"**{corpus}, all folds**", score(args.data, *pool(os.path.join(pooled, corpus), p))))
        every = parts["emodb"] + parts["cremad"]
        print(row("**pooled**", score(args.data, *pool(os.path.join(pooled, "all"), every))), flush=True)


def dumps(args, sets, key):
    """The engine's per-frame model inputs for one call set (measured with the hand-set rule)."""
    condition, k, corpus = key
    out = os.path.join(args.work, "dumps", args.tag, condition, f"k{k}-{corpus}")
    if not os.path.exists(os.path.join(out, ".done")):
        analyse(args.jar, sets[key], out, "rule", dump=True)
        open(os.path.join(out, ".done"), "w").close()
    return out


def fit(args, sets, held_out, model):
    """Fits on every fold but held_out (None: all), on all three conditions: augmentation inside."""
    tag = "all" if held_out is None else f"k{held_out}"
    model = model or os.path.join(args.work, "models", args.tag, f"{tag}.properties")
    os.makedirs(os.path.dirname(os.path.abspath(model)), exist_ok=True)
    train = []
    for condition in CONDITIONS:
        parts = [(f"k{k}{corpus[0]}", c, dumps(args, sets, (cond, k, corpus)))
                 for (cond, k, corpus), c in sorted(sets.items()) if cond == condition and k != held_out]
        pooled = os.path.join(args.work, "train", args.tag, tag, condition)
        calls, inputs = pool(pooled, parts)
        train += ["--train", f"{calls}:{inputs}"]
    subprocess.run([sys.executable, os.path.join(ROOT, "eval", "fit-score.py"), *train, "--out", model,
                    "--classpath", classpath(args.jar), "--version", f"rv-logit-{tag}",
                    *args.fit_args.split()], check=True)
    return model


if __name__ == "__main__":
    main()
