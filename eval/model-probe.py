#!/usr/bin/env python3
"""How far a model family separates raised from calm speech on the engine's own inputs, offline.

Usage: eval/model-probe.py TAG [logit] [logit2] [logitq] [gbm]   (after eval/crossval.py --fit ... --tag TAG)

Reads the per-frame model inputs that crossval.py dumped for TAG (WORK/dumps/TAG/COND/kK-CORPUS) and
the labelled calls they came from, then, leaving one speaker fold out at a time, fits on the other five
folds (all three conditions) and scores the held-out fold's frames: `logit` is eval/fit-score.py's own
L2 logistic regression, `logit2` the same on the inputs and every product of two of them (is what
boosting adds one interaction a logistic score could name? its largest standardised product weights
are printed), `logitq` the inputs and only the squares and products of the three pitch inputs
(pitch_st, pitch_rise_over_4_st, pitch_effort: the products logit2 weighs most), `gbm` shallow
gradient boosting (scikit-learn's HistGradientBoostingClassifier,
depth 3, 150 rounds; Debian package python3-sklearn), both with the classes weighted to half each.
Prints per condition the frame AUC, the segment AUC (a segment's score: its fifth-highest frame, as an
episode needs five frames in a row) and the recall of raised segments at the score that 2 % and 5 % of
calm segments exceed. No thresholds, no episode logic: it compares what the inputs can carry, before
anything is built into the engine.
"""
import sys, os, glob, csv, importlib.util
import numpy as np
spec = importlib.util.spec_from_file_location(
    "fs", os.path.join(os.path.dirname(os.path.abspath(__file__)), "fit-score.py"))
fs = importlib.util.module_from_spec(spec); spec.loader.exec_module(fs)
tag = sys.argv[1]; model_kind = sys.argv[2:] or ["logit", "gbm"]
W = os.environ.get("CROSSVAL_WORK", "/tmp/tonewatch-cv")  # crossval.py --work
def load(cond, kdir):
    calls = f"{W}/calls/{cond}/{kdir}"; dump = f"{W}/dumps/{tag}/{cond}/{kdir}"
    X, Y, S = [], [], []
    names = None
    for lab in sorted(glob.glob(calls + "/*.csv")):
        name = os.path.basename(lab)[:-4]
        d = np.atleast_1d(np.genfromtxt(f"{dump}/{name}.inputs.csv", delimiter=",", names=True, dtype=None, encoding="utf-8"))
        if d.size == 0: continue
        names = [n for n in d.dtype.names if n not in ("leg", "time_s", "raised")]
        for i, r in enumerate(csv.DictReader(open(lab))):
            if r["label"] not in ("calm", "raised"): continue
            rows = d[(d["leg"] == r["leg"]) & (d["time_s"] >= float(r["start_s"])) & (d["time_s"] <= float(r["end_s"]))]
            if rows.size == 0:
                S.append((f"{kdir}/{name}/{i}", r["label"] == "raised", 0)); continue
            X.append(np.column_stack([rows[k] for k in names]).astype(float))
            Y.append(np.full(len(rows), 1.0 if r["label"] == "raised" else 0.0))
            S.append((f"{kdir}/{name}/{i}", r["label"] == "raised", len(rows)))
    return X, Y, S, names
data = {}
for cond in ("clean", "agc", "snr10"):
    for kd in sorted(os.listdir(f"{W}/calls/{cond}")):
        data[(cond, kd)] = load(cond, kd)
names = next(v[3] for v in data.values() if v[3])
print("inputs", names)
PAIRS = [(i, j) for i in range(len(names)) for j in range(i, len(names))]
pair_names = list(names) + [f"{names[i]}*{names[j]}" for i, j in PAIRS]
def pairs(x):
    """The inputs, then the product of every two of them (squares included)."""
    return np.column_stack([x] + [x[:, i] * x[:, j] for i, j in PAIRS])
PITCH = [names.index(n) for n in ("pitch_st", "pitch_rise_over_4_st", "pitch_effort")]
def pitch_pairs(x):
    """The inputs, then the squares and products of the pitch inputs alone."""
    return np.column_stack([x] + [x[:, i] * x[:, j] for n, i in enumerate(PITCH) for j in PITCH[n:]])
def auc(s, y):
    o = np.argsort(s); r = np.empty(len(s)); r[o] = np.arange(1, len(s) + 1)
    n1 = y.sum(); n0 = len(y) - n1
    return (r[y == 1].sum() - n1 * (n1 + 1) / 2) / (n1 * n0)
for kind in model_kind:
    res = {c: {"fs": [], "fy": [], "seg": []} for c in ("clean", "agc", "snr10")}
    for k in range(6):
        tr = [(x, y) for (c, kd), (X, Y, S, _) in data.items() if not kd.startswith(f"k{k}-") for x, y in zip(X, Y)]
        xt = np.concatenate([a for a, _ in tr]); yt = np.concatenate([b for _, b in tr])
        if kind == "logit":
            b, w = fs.logistic(xt, yt, 1.0)
            f = lambda x: b + x @ w
        elif kind == "logitq":
            b, w = fs.logistic(pitch_pairs(xt), yt, 1.0)
            f = lambda x, b=b, w=w: b + pitch_pairs(x) @ w
        elif kind == "logit2":
            b, w = fs.logistic(pairs(xt), yt, 1.0)
            f = lambda x, b=b, w=w: b + pairs(x) @ w
            sd = pairs(xt).std(axis=0)
            top = np.argsort(-np.abs(w * sd))[:6]
            print(f"  fold {k}: largest standardised weights",
                  ", ".join(f"{pair_names[i]} {w[i] * sd[i]:+.2f}" for i in top), flush=True)
        else:
            from sklearn.ensemble import HistGradientBoostingClassifier
            cw = np.where(yt > 0, 0.5 / yt.sum(), 0.5 / (1 - yt).sum()) * len(yt)
            m = HistGradientBoostingClassifier(max_depth=3, max_iter=150, learning_rate=0.1, l2_regularization=1.0, min_samples_leaf=200)
            m.fit(xt, yt, sample_weight=cw)
            f = lambda x, m=m: m.decision_function(x)
        for (c, kd), (X, Y, S, _) in data.items():
            if not kd.startswith(f"k{k}-"): continue
            xi = iter(X)
            for sid, raised, n in S:
                if n == 0:
                    res[c]["seg"].append((raised, -99)); continue
                s = f(next(xi))
                res[c]["fs"].append(s); res[c]["fy"].append(np.full(len(s), float(raised)))
                top = np.sort(s)[::-1]
                res[c]["seg"].append((raised, top[min(4, len(top) - 1)]))
    for c, r in res.items():
        fsc = np.concatenate(r["fs"]); fy = np.concatenate(r["fy"])
        seg = np.array(r["seg"]); ry = seg[:, 0] > 0; sv = seg[:, 1]
        out = [f"{kind} {c}: frame AUC {auc(fsc, fy):.3f}, segment AUC {auc(sv, ry.astype(float)):.3f}"]
        for q in (0.02, 0.05):
            thr = np.quantile(sv[~ry], 1 - q)
            out.append(f"recall@{int(q*100)}%calm {np.mean(sv[ry] > thr):.3f}")
        print(", ".join(out), flush=True)
