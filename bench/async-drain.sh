#!/usr/bin/env bash
# Long-running dispatches in local mode (embedded queue, records in memory, one worker in the
# runtime's process, the echo backend): the enqueue latency of `Prefer: respond-async` dispatches,
# and how fast one worker drains the backlog they leave. See bench/README.md.
#
# Environment:
#   SKIP_BUILD=1         reuse cli/target/agent-runtime.jar
#   RUNTIME_PORT         loopback port of the runtime (default 18080; management port + 2)
#   DISPATCHES           how many are queued (default 3000; 300 more warm the runtime up first)
#   CONCURRENCY          clients enqueueing at once (default 16)
#   MAX_IN_FLIGHT        the worker's async.worker.maxInFlight (default 4, the default)
set -euo pipefail

cd "$(dirname "$0")/.."
RUNTIME_PORT=${RUNTIME_PORT:-18080}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-$((RUNTIME_PORT + 2))}
DISPATCHES=${DISPATCHES:-3000}
CONCURRENCY=${CONCURRENCY:-16}
MAX_IN_FLIGHT=${MAX_IN_FLIGHT:-4}
RUNTIME_JAR=cli/target/agent-runtime.jar
RESULTS=bench/results/async-$(date -u +%Y%m%dT%H%M%SZ)
BODY='{"intent": "call_reasoning", "context": {"user_id": "bench"}}'
PID=

fail() {
  echo "async-drain: $*" >&2
  exit 1
}

stop() {
  [[ -n $PID ]] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null
  return 0
}
trap stop EXIT

command -v hey >/dev/null || fail "missing hey: install with 'sudo apt-get install hey' (Debian/Ubuntu)"
[[ -n ${SKIP_BUILD:-} ]] || make build
[[ -f $RUNTIME_JAR ]] || fail "$RUNTIME_JAR is missing"
mkdir -p "$RESULTS"
cat >"$RESULTS/runtime.yaml" <<YAML
runtime: {name: bench, namespace: default}
server: {host: 127.0.0.1, port: $RUNTIME_PORT, management: {port: $MANAGEMENT_PORT}}
identity: {localMode: true}
governance:
  store: {file: {directory: $PWD/examples/policies}}
async:
  queue: {embedded: true}
  worker: {maxInFlight: $MAX_IN_FLIGHT}
intents:
  - name: call_reasoning
    backend: {type: echo}
YAML
"$(tools/find-jdk)/bin/java" --enable-native-access=ALL-UNNAMED -jar "$RUNTIME_JAR" \
  --config "$RESULTS/runtime.yaml" >"$RESULTS/runtime.log" 2>&1 &
PID=$!
for _ in $(seq 120); do
  curl -fs -o /dev/null "http://127.0.0.1:$MANAGEMENT_PORT/readyz" && break
  sleep 0.5
done
curl -fs -o /dev/null "http://127.0.0.1:$MANAGEMENT_PORT/readyz" || fail "runtime not ready (see $RESULTS)"

# finished: dispatches the worker has finished, of every outcome, from the runtime's metrics
finished() {
  curl -fs "http://127.0.0.1:$MANAGEMENT_PORT/metrics" |
    awk '/^agent_async_finished_total/ {n += $NF} END {printf "%d", n}'
}

# enqueue N FILE: about N dispatches from CONCURRENCY clients (hey sends a multiple of the
# clients), hey's report to FILE; prints how many were accepted
enqueue() {
  hey -n "$1" -c "$CONCURRENCY" -m POST -T application/json -H 'Prefer: respond-async' \
    -d "$BODY" "http://127.0.0.1:$RUNTIME_PORT/dispatch" >"$2"
  awk '$1 == "[202]" {n = $2} END {if (n == 0) exit 1; printf "%d", n}' "$2" ||
    fail "no dispatch was accepted (see $2)"
}

# await_finished N: waits until N dispatches have finished
await_finished() {
  until (($(finished) >= $1)); do sleep 0.2; done
}

echo "warming up with 300 dispatches"
warm=$(enqueue 300 "$RESULTS/hey-warmup.txt")
await_finished "$warm"
echo "queueing $DISPATCHES dispatches from $CONCURRENCY clients"
queued=$(enqueue "$DISPATCHES" "$RESULTS/hey-enqueue.txt")
left=$((warm + queued - $(finished)))
started=$(date +%s.%N)
await_finished $((warm + queued))
ended=$(date +%s.%N)

awk '/Requests\/sec:/ {printf "enqueue: %.0f dispatches/s", $2}
     $1 == "50%" && $2 == "in" {printf ", p50 %.1f ms", $3 * 1000}
     $1 == "99%" && $2 == "in" {printf ", p99 %.1f ms", $3 * 1000}
     END {print ""}' "$RESULTS/hey-enqueue.txt"
awk -v left="$left" -v s="$started" -v e="$ended" -v m="$MAX_IN_FLIGHT" \
  'BEGIN {
     if (left < 100) { print "drain: the worker kept up with the enqueue (" left " left); raise DISPATCHES or CONCURRENCY"; exit }
     printf "drain: %d dispatches left when the enqueue ended, run by one worker (maxInFlight %d) in %.1f s: %.0f dispatches/s\n", left, m, e - s, left / (e - s)
   }'
awk '/\[[0-9]+\]/ && $1 != "[202]" {n += $2} END {printf "non-202 answers: %d\n", n}' "$RESULTS/hey-enqueue.txt"
echo "raw reports in $RESULTS"
