#!/usr/bin/env python3
"""Writes a perturbed copy of the labelled calls (WAVs and their CSVs) for robustness runs.

Usage: eval/perturb-calls.py KIND [CALLS_DIR] [OUT_DIR]
  KIND: noise-DBFS  white noise at DBFS RMS (sine-referenced) added to every channel, e.g. noise-50
        gain-DB     every sample scaled by DB, e.g. gain-10
        steps       +10 dB line-gain steps, on for 7 s and off for 7 s, on both legs
  CALLS_DIR defaults to ../shared/data/calls8k, OUT_DIR to /tmp/tonewatch-KIND.
Then: java -jar app/target/tonewatch.jar eval OUT_DIR --out OUT_DIR-events
Needs numpy and scipy. The noise is seeded, so a KIND always gives the same files.
"""
import glob
import os
import shutil
import sys

import numpy as np
from scipy.io import wavfile


def perturb(kind, x, rate, rng):
    if kind.startswith("noise"):
        rms = 32767 * 10 ** (float(kind[len("noise"):]) / 20) / np.sqrt(2)
        return x + rng.normal(0, rms, x.shape)
    if kind.startswith("gain"):
        return x * 10 ** (float(kind[len("gain"):]) / 20)
    if kind == "steps":
        gain = np.ones(len(x))
        period = 7 * rate
        for k, start in enumerate(range(0, len(x), period)):
            gain[start:start + period] = 10 ** ((10 if k % 2 else 0) / 20)
        return (x.T * gain).T
    raise SystemExit(f"perturb-calls: unknown KIND {kind!r} (noise-DBFS, gain-DB or steps)")


def main():
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    kind = sys.argv[1]
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    src = sys.argv[2] if len(sys.argv) > 2 else os.path.join(root, "..", "shared", "data", "calls8k")
    out = sys.argv[3] if len(sys.argv) > 3 else f"/tmp/tonewatch-{kind}"
    wavs = sorted(glob.glob(os.path.join(src, "*.wav")))
    if not wavs:
        raise SystemExit(f"perturb-calls: no WAV files in {src}")
    os.makedirs(out, exist_ok=True)
    rng = np.random.default_rng(7)
    for wav in wavs:
        rate, x = wavfile.read(wav)
        y = perturb(kind, x.astype(float), rate, rng)
        wavfile.write(os.path.join(out, os.path.basename(wav)), rate,
                      np.clip(np.round(y), -32768, 32767).astype(np.int16))
        labels = wav[:-4] + ".csv"
        if os.path.exists(labels):
            shutil.copy(labels, out)
    print(f"{len(wavs)} calls written to {out}")


if __name__ == "__main__":
    main()
