#!/usr/bin/env bash
# Streamed requests through the runtime against the same streaming model server alone, in one run:
# the time to first piece the runtime adds, and streamed requests per second. See bench/README.md.
#
# Environment:
#   SKIP_BUILD=1       reuse cli/target/agent-runtime.jar
#   RUNTIME_PORT       loopback port of the runtime (default 18080; management port + 2)
#   MODEL_PORT         loopback port of the streaming model server (default 18090)
#   PIECES, INTERVAL_MS  the model's answer: PIECES chunks INTERVAL_MS apart (default 8, 20)
#   REQUESTS, CONCURRENCY, WARMUP  each load (default 2000, 20, 500)
#   ROUNDS             how many times the three loads run, one after the other (default 2)
set -euo pipefail

cd "$(dirname "$0")/.."
RUNTIME_PORT=${RUNTIME_PORT:-18080}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-$((RUNTIME_PORT + 2))}
MODEL_PORT=${MODEL_PORT:-18090}
PIECES=${PIECES:-8}
INTERVAL_MS=${INTERVAL_MS:-20}
REQUESTS=${REQUESTS:-2000}
CONCURRENCY=${CONCURRENCY:-20}
WARMUP=${WARMUP:-500}
ROUNDS=${ROUNDS:-2}
RUNTIME_JAR=cli/target/agent-runtime.jar
RESULTS=bench/results/streaming-$(date -u +%Y%m%dT%H%M%SZ)
JAVA="$(tools/find-jdk)/bin/java"
FLAGS=(--enable-native-access=ALL-UNNAMED) # the JVM flags of `make run`
LOADTEST_FLAGS=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1)
PIDS=()

fail() {
  echo "streaming: $*" >&2
  exit 1
}

stop_all() {
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
}
trap stop_all EXIT

start() {
  mkdir -p "$RESULTS"
  node bench/streaming-model.mjs "$MODEL_PORT" "$PIECES" "$INTERVAL_MS" >"$RESULTS/model.log" 2>&1 &
  PIDS+=($!)
  cat >"$RESULTS/runtime.yaml" <<YAML
runtime: {name: bench, namespace: default}
server: {host: 127.0.0.1, port: $RUNTIME_PORT, management: {port: $MANAGEMENT_PORT}}
identity: {localMode: true}
governance:
  store: {file: {directory: $PWD/examples/policies}}
intents:
  - name: call_reasoning
    backend: {type: openai, url: "http://127.0.0.1:$MODEL_PORT", model: bench-model}
YAML
  "$JAVA" "${FLAGS[@]}" -jar "$RUNTIME_JAR" --config "$RESULTS/runtime.yaml" \
    >"$RESULTS/runtime.log" 2>&1 &
  PIDS+=($!)
  local deadline=$((SECONDS + 60))
  until curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$MANAGEMENT_PORT/readyz" 2>/dev/null; do
    ((SECONDS < deadline)) || fail "the runtime is not ready after 60s (see $RESULTS/runtime.log)"
    sleep 0.5
  done
}

# load LABEL URL ARGS...: one streamed load, its JSON report in $RESULTS/LABEL.json
load() {
  local label=$1 url=$2
  shift 2
  "$JAVA" "${FLAGS[@]}" "${LOADTEST_FLAGS[@]}" -jar "$RUNTIME_JAR" loadtest --url "$url" \
    --stream --requests "$REQUESTS" --concurrency "$CONCURRENCY" --warmup "$WARMUP" \
    -o json "$@" >"$RESULTS/$label.json"
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1])).results;
    const f = r.streaming.timeToFirstPieceMs;
    console.log([process.argv[2], r.requestsPerSecond.toFixed(1), f.p50.toFixed(2),
      f.p95.toFixed(2), f.p99.toFixed(2), r.latencyMs.p50.toFixed(1),
      r.streaming.piecesPerSecond.toFixed(0), r.success + "/" + r.requests].join(" | "));
  ' "$RESULTS/$label.json" "$label"
}

main() {
  command -v node >/dev/null || fail "node is missing"
  command -v curl >/dev/null || fail "curl is missing"
  [[ -n ${SKIP_BUILD:-} ]] || tools/mvn -B -q package -DskipTests -pl cli -am
  start
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "run | streams/s | first piece p50 | p95 | p99 ms | latency p50 ms | pieces/s | ok"
  local chat=(--api chat --model bench-model)
  for round in $(seq "$ROUNDS"); do
    load "model-alone-$round" "http://127.0.0.1:$MODEL_PORT/v1/chat/completions" "${chat[@]}"
    load "runtime-chat-$round" "http://127.0.0.1:$RUNTIME_PORT/v1/chat/completions" "${chat[@]}"
    load "runtime-dispatch-$round" "http://127.0.0.1:$RUNTIME_PORT/dispatch"
  done
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "reports in $RESULTS"
}

main "$@"
