#!/usr/bin/env bash
# Long-running dispatches on this machine, local mode (embedded queue, records in memory, one worker
# in the runtime's process, the echo backend): enqueue latency with hey, then how fast the worker
# drains what was queued, read from agent_async_finished_total. Loopback only; stops by itself.
#   bench/async-drain.sh [N] [CONCURRENCY] [MAX_IN_FLIGHT]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-2000}
CONCURRENCY=${2:-8}
IN_FLIGHT=${3:-16}
PORT=${PORT:-18600}
JAVA_HOME=$(tools/find-jdk)
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$work"' EXIT

sed -e "s/port: 8080/port: $PORT/" -e "s/port: 8081/port: $((PORT + 1))/" \
  -e "s|directory: ../policies|directory: $PWD/examples/policies|" \
  -e "s/    embedded: true/    embedded: true\n  worker: {maxInFlight: $IN_FLIGHT}/" \
  examples/local/runtime.yaml > "$work/runtime.yaml"
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar cli/target/agent-runtime.jar \
  --config "$work/runtime.yaml" > "$work/runtime.log" 2>&1 &
pid=$!
until curl -sf "localhost:$((PORT + 1))/readyz" > /dev/null; do sleep 0.5; done

finished() {
  curl -s "localhost:$((PORT + 1))/metrics" \
    | awk '/^agent_async_finished_total\{/ {sum += $2} END {print sum + 0}'
}
body='{"intent": "call_reasoning", "context": {"user_id": "test"}, "input": {"prompt": "hello"}}'
# warm-up, then the measured run
hey -n 500 -c "$CONCURRENCY" -m POST -T application/json -H 'prefer: respond-async' \
  -d "$body" "http://127.0.0.1:$PORT/dispatch" > /dev/null
until [ "$(finished)" -ge 500 ]; do sleep 0.2; done
before=$(finished)
start=$(date +%s.%N)
hey -n "$N" -c "$CONCURRENCY" -m POST -T application/json -H 'prefer: respond-async' \
  -d "$body" "http://127.0.0.1:$PORT/dispatch" | grep -E 'Requests/sec|50%|99%|Status code|\[202\]'
until [ "$(finished)" -ge $((before + N)) ]; do sleep 0.2; done
end=$(date +%s.%N)
echo "drained $N dispatches in $(echo "$end - $start" | bc) s (queued and run, one worker, maxInFlight $IN_FLIGHT)"
