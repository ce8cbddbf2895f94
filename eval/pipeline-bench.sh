#!/bin/sh
# The whole pipeline under load: `tonewatch run` (embedded Kafka, ingest, stream-processor) fed by
# `tonewatch simulate --calls N` (the bundled two-leg call over RTP on loopback, in real time, all
# calls live at once, from SIMULATORS processes), then both services' /metrics read while the calls
# are still running. Prints what was sent, published, dropped and analysed, the capture-to-decision
# lag per frame (capture time stamped by ingest to the end of the frame's analysis), and the CPU
# each component used while all calls were live (eval/thread-cpu.py). A benchmark: it never fails
# on figures.
#
# Usage: eval/pipeline-bench.sh CALLS [SECONDS] [WORKERS] [SIMULATORS]
#   SECONDS: length of every call (default 60); WORKERS: process.workers (default 2);
#   SIMULATORS: simulate processes sharing the calls (default: one per 150 calls).
#   Extra settings for run: PIPELINE_BENCH_SET="--set ingest.publish.batch-frames=1".
#   A warm-up load before the measured one: PIPELINE_BENCH_WARMUP="CALLS SECONDS".
#   The simulators at a lower priority than run: PIPELINE_BENCH_SIM_NICE=10.
#   JVM options for run alone (not the simulators): PIPELINE_BENCH_RUN_JAVA_OPTS="-XX:+UseZGC".
#   Where Kafka requests spend their time (the broker's request metrics and the clients' latency
#   gauges, read from run's JVM at the scrape): PIPELINE_BENCH_KAFKA_TIMES=1.
#   Needs the jar: ./mvnw -q -DskipTests package. Prints figures; the recorded ones are in
#   docs/BENCHMARKS.md.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
jar="${PIPELINE_BENCH_JAR:-$root/app/target/tonewatch.jar}"
calls="${1:?usage: pipeline-bench.sh CALLS [SECONDS] [WORKERS]}"
seconds="${2:-60}"
workers="${3:-2}"
simulators="${4:-$(( (calls + 149) / 150 ))}"
[ -f "$jar" ] || { echo "pipeline-bench: build the jar first: ./mvnw -q -DskipTests package" >&2; exit 2; }
out=$(mktemp -d -t tonewatch-pipeline-bench-XXXXXX)

# shellcheck disable=SC2086 # the options are words
java ${PIPELINE_BENCH_RUN_JAVA_OPTS:-} -jar "$jar" run --set ingest.http-port=0 --set process.http-port=0 \
  --set ingest.max-legs=$((calls * 2 + 10)) --set process.max-calls=$((calls + 10)) \
  --set ingest.rtp-port-min=30000 --set ingest.rtp-port-max=$((30000 + calls * 4 + 100)) \
  --set process.workers="$workers" ${PIPELINE_BENCH_SET:-} >"$out/run.log" 2>"$out/run.err" &
run_pid=$!
trap 'kill $run_pid 2>/dev/null || true' EXIT INT TERM
i=0
until grep -q "watch alerts with" "$out/run.log" 2>/dev/null; do
  i=$((i + 1))
  [ $i -lt 600 ] && kill -0 $run_pid 2>/dev/null || { echo "pipeline-bench: run did not start" >&2; cat "$out/run.err" >&2; exit 1; }
  sleep 0.1
done
control=$(sed -n 's|^run: ingest control API \(http://[^/]*\)/.*|\1|p' "$out/run.log")
process=$(sed -n 's|^run: process health \(http://[^/]*\)/.*|\1|p' "$out/run.log")

# A warm-up load first, when asked: a service runs for days, and on 2 saturated cores the JIT
# compilers (C2 above all) are still compiling the broker's, ingest's and the engine's code a
# minute into a cold start, which the measured window would otherwise charge to the pipeline.
if [ -n "${PIPELINE_BENCH_WARMUP:-}" ]; then
  read -r warm_calls warm_seconds <<EOF_WARM
$PIPELINE_BENCH_WARMUP
EOF_WARM
  echo "pipeline-bench: warming up with $warm_calls calls of $warm_seconds s" >&2
  java -jar "$jar" simulate --no-progress --control "$control" --calls "$warm_calls" --call-id-prefix warm- \
    --duration "${warm_seconds}s" --stagger "$((10000 / warm_calls))ms" >"$out/warmup.log" 2>&1
fi

# Starts spread over 10 s; CPU is measured from 12 s until just before the metrics are read, 5 s
# before the last call ends, under full load.
per_sim=$(( (calls + simulators - 1) / simulators ))
stagger_ms=$((10000 / per_sim))
sim_pids=""
left=$calls
s=0
while [ "$left" -gt 0 ]; do
  n=$per_sim; [ "$n" -gt "$left" ] && n=$left
  nice -n "${PIPELINE_BENCH_SIM_NICE:-0}" java -jar "$jar" simulate --no-progress --control "$control" --calls "$n" --call-id-prefix "sim$s-" \
    --duration "${seconds}s" --stagger "${stagger_ms}ms" >"$out/simulate-$s.log" 2>&1 &
  sim_pids="$sim_pids $!"
  left=$((left - n)); s=$((s + 1))
done
started=$(date +%s)
roles="run=$run_pid"
for p in $sim_pids; do roles="$roles simulate=$p"; done
sleep 12
python3 "$root/eval/thread-cpu.py" snapshot $roles >"$out/cpu-before.json"
curl -s "$process/metrics" >"$out/process-before.prom"
curl -s "$control/metrics" >"$out/ingest-before.prom"
sleep $((started + seconds + 3 - $(date +%s)))
python3 "$root/eval/thread-cpu.py" snapshot $roles >"$out/cpu-after.json"
curl -s "$control/metrics" >"$out/ingest.prom"
curl -s "$process/metrics" >"$out/process.prom"
if [ -n "${PIPELINE_BENCH_KAFKA_TIMES:-}" ]; then
  java "$root/eval/KafkaTimes.java" "$run_pid" >"$out/kafka-times.txt" 2>&1 || true
fi
for p in $sim_pids; do wait "$p" || true; done
cat "$out"/simulate-*.log >"$out/simulate.log"
kill $run_pid
wait $run_pid 2>/dev/null || true
trap - EXIT INT TERM

value() { # FILE METRIC-PREFIX: the sum of the samples whose line starts with it
  awk -v m="$2" 'index($0, m) == 1 { s += $NF } END { printf "%.0f", s }' "$1"
}
quantile() { # FILE TIMER Q: seconds -> ms
  awk -v m="$2{quantile=\"$3\"" 'index($0, m) == 1 { printf "%.1f", $NF * 1000 }' "$1"
}
max_ms() { # FILE GAUGE: seconds -> ms
  awk -v m="$2 " 'index($0, m) == 1 { printf "%.1f", $NF * 1000 }' "$1"
}
echo "pipeline-bench: $calls two-leg calls of $seconds s, $workers engine threads, $simulators simulators, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
grep -E "^(calls|sent|send rate|late sends)" "$out/simulate.log" | sed 's/^/  simulate  /'
echo "  ingest    frames $(value "$out/ingest.prom" tonewatch_ingest_frames_total)," \
  "concealed $(value "$out/ingest.prom" tonewatch_ingest_frames_concealed_total)," \
  "published $(value "$out/ingest.prom" 'tonewatch_ingest_publish_messages_total{type="frame"')," \
  "dropped $(value "$out/ingest.prom" tonewatch_ingest_publish_dropped_total)"
echo "  process   frames $(value "$out/process.prom" tonewatch_process_frames_total)," \
  "consumer lag $(value "$out/process.prom" tonewatch_process_consumer_lag) records," \
  "live calls $(value "$out/process.prom" tonewatch_process_calls_live)"
python3 "$root/eval/lag-window.py" "$out/process-before.prom" "$out/process.prom"
# The stages of that lag over the same window: in ingest, accept to the sender's take (queue), to
# the end of the producer's send (plus batching), to the broker's acknowledgement; in the
# processor, record time to the poll that returned it.
for stage in queue_wait handoff send latency; do
  python3 "$root/eval/lag-window.py" "$out/ingest-before.prom" "$out/ingest.prom" "tonewatch_ingest_publish_${stage}_seconds"
done
python3 "$root/eval/lag-window.py" "$out/process-before.prom" "$out/process.prom" tonewatch_process_poll_lag_seconds
echo "  lag       max $(max_ms "$out/process.prom" tonewatch_process_frame_lag_seconds_max) ms (the last 2 minutes)"
echo "  engine    per frame p50 $(quantile "$out/process.prom" tonewatch_process_engine_frame_seconds 0.5) ms," \
  "p99 $(quantile "$out/process.prom" tonewatch_process_engine_frame_seconds 0.99) ms (silent frames cost little)"
python3 "$root/eval/thread-cpu.py" report "$out/cpu-before.json" "$out/cpu-after.json" $((calls * 100))
[ -f "$out/kafka-times.txt" ] && cat "$out/kafka-times.txt"
echo "pipeline-bench: logs and scrapes in $out"
