#!/bin/sh
# Compares the engine's pitch track with Praat's on telephonised EmoDB and prints the agreement
# per speaker, male and female apart, and overall, with the gross-error and voicing breakdown.
#
# Usage: eval/pitch-vs-praat.sh [EMODB8K_DIR] [--praat EXECUTABLE] [--script f0frames.praat]
#                               [--frames OUT.csv]
#   EMODB8K_DIR defaults to ../shared/data/emodb8k (relative to the repository root); the Praat
#   script defaults to EMODB8K_DIR/../../eval/f0frames.praat. Needs `praat` (Debian package
#   `praat`) on the PATH unless --praat names it.
#
# It builds nothing: build first with `./mvnw -q -pl evaluation -am test-compile`.
# TarsosDSP is taken from the local Maven repository (override with MAVEN_REPO or TARSOS_JAR).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
classes="$root/evaluation/target/classes"
engine="$root/stream-processor/target/classes"
tarsos="${TARSOS_JAR:-${MAVEN_REPO:-$HOME/.m2/repository}/com/github/st-h/TarsosDSP/2.4.1/TarsosDSP-2.4.1.jar}"
if [ ! -d "$classes/io/tonewatch/evaluation/pitch" ]; then
  echo "pitch-vs-praat: $classes is not built; run ./mvnw -q -pl evaluation -am test-compile first" >&2
  exit 2
fi
if [ ! -f "$tarsos" ]; then
  echo "pitch-vs-praat: TarsosDSP jar not found at $tarsos (set TARSOS_JAR)" >&2
  exit 2
fi
case "${1:-}" in
  ""|-*) dir="$root/../shared/data/emodb8k" ;;
  *) dir="$1"; shift ;;
esac
exec java -cp "$classes:$engine:$tarsos" io.tonewatch.evaluation.pitch.PitchEval "$dir" "$@"
