#!/bin/sh
# The live evaluation: plays every labelled call of CALLS_DIR through `tonewatch simulate` (RTP on
# loopback, real time, all at once) into `tonewatch run` (embedded Kafka, ingest, stream-processor),
# collects the alert events from Kafka with `tonewatch tail`, writes them as OUT/NAME.jsonl and
# scores them with ../shared/eval/score.py; then runs `tonewatch eval` on the same files for the
# offline figures, so both summary lines can be compared.
#
# Usage: eval/live-eval.sh [CALLS_DIR] [OUT_DIR]
#   CALLS_DIR defaults to ../shared/data/calls8k, OUT_DIR to a new temporary directory.
#   CODEC (environment) is simulate's RTP codec: l16 (default: lossless, so live and offline see
#   the same samples), pcmu or pcma (G.711 quantises the audio, and the figures move a little).
#   Needs python3 and the jar: ./mvnw -q -DskipTests package
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
jar="$root/app/target/tonewatch.jar"
calls="${1:-$root/../shared/data/calls8k}"
out="${2:-$(mktemp -d -t tonewatch-live-eval-XXXXXX)}"
score="$root/../shared/eval/score.py"
codec="${CODEC:-l16}"
[ -f "$jar" ] || { echo "live-eval: build the jar first: ./mvnw -q -DskipTests package" >&2; exit 2; }
[ -f "$score" ] || { echo "live-eval: $score not found" >&2; exit 2; }
mkdir -p "$out/live" "$out/offline"

# The labelled calls, in a fixed order: simulate's call n plays file n, named live-n.
names=$(cd "$calls" && ls *.csv | sed 's/\.csv$//' | sort)
files=""
for name in $names; do files="$files $calls/$name.wav"; done
count=$(echo "$names" | wc -w)

java -jar "$jar" run --set ingest.http-port=0 --set process.http-port=0 \
  --set ingest.max-legs=$((count * 2 + 10)) >"$out/run.log" 2>"$out/run.err" &
run_pid=$!
trap 'kill $run_pid 2>/dev/null || true' EXIT INT TERM
i=0
until grep -q "watch alerts with" "$out/run.log" 2>/dev/null; do
  i=$((i + 1))
  [ $i -lt 600 ] && kill -0 $run_pid 2>/dev/null || { echo "live-eval: run did not start" >&2; cat "$out/run.err" >&2; exit 1; }
  sleep 0.1
done
kafka=$(sed -n 's/^run: Kafka \([^ ]*\) .*/\1/p' "$out/run.log")
control=$(sed -n 's|^run: ingest control API \(http://[^/]*\)/.*|\1|p' "$out/run.log")
echo "live-eval: $count calls from $calls into run (Kafka $kafka, ingest $control)"

# shellcheck disable=SC2086
java -jar "$jar" simulate --no-progress --control "$control" --calls "$count" --codec "$codec" \
  --call-id-prefix live- $files >"$out/simulate.log"
# Ingest ends each call when simulate does; what the processor still decides follows within seconds.
java -jar "$jar" tail --kafka "$kafka" --from-beginning --format jsonl --duration 20 >"$out/alerts.jsonl"
kill $run_pid
wait $run_pid 2>/dev/null || true
trap - EXIT INT TERM

python3 - "$out/alerts.jsonl" "$out/live" $names <<'PY'
import json, sys
events, outdir, names = sys.argv[1], sys.argv[2], sys.argv[3:]
lines = {name: [] for name in names}
for line in open(events):
    if line.startswith("{"):
        n = int(json.loads(line)["callId"].split("-")[-1])
        lines[names[n - 1]].append(line)
for name, found in lines.items():
    with open(f"{outdir}/{name}.jsonl", "w") as f:
        f.writelines(found)
PY

echo "live (simulate -> ingest -> Kafka -> process), scored by score.py:"
python3 "$score" "$calls" "$out/live" | tail -1
echo "offline (tonewatch eval), scored by score.py:"
java -jar "$jar" eval "$calls" --out "$out/offline" >"$out/eval.log" 2>&1
python3 "$score" "$calls" "$out/offline" | tail -1
echo "live-eval: events and logs in $out"
