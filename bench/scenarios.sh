#!/usr/bin/env bash
# Runs the original load-test scenarios (baseline, ramp, spike) with `agent-runtime loadtest`
# against the runtime started locally as `make run` does, or against a deployed runtime by URL.
# See bench/README.md.
#
# Environment:
#   URL=http://host:port   load an already running runtime instead of building and starting one
#   SCENARIOS              which presets to run, in order (default: baseline ramp spike)
#   WARMUP                 requests each run sends first and leaves out of its report (default
#                          20000: the load generator's JVM needs them to compile its hot paths)
#   MAX_P95                fail (exit 1) when a scenario's p95 is above this, e.g. 500ms
#   HEY=1                  also run the original hey command next to the baseline scenario, twice
#   SKIP_BUILD=1           reuse cli/target/agent-runtime.jar
#   RUNTIME_PORT           loopback port of the local runtime (default 18080)
#   MANAGEMENT_PORT        loopback port of its probes and metrics (default 18082)
#   LOADTEST_JVM_FLAGS     JVM flags of the load generator (default: -XX:+UseSerialGC
#                          -XX:TieredStopAtLevel=1, which leave more of a shared CPU to the runtime)
set -euo pipefail

cd "$(dirname "$0")/.."
RUNTIME_PORT=${RUNTIME_PORT:-18080}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-18082}
SCENARIOS=${SCENARIOS:-baseline ramp spike}
WARMUP=${WARMUP:-20000}
CONFIG=examples/local/runtime.yaml
RUNTIME_JAR=cli/target/agent-runtime.jar
BODY='{"intent": "call_reasoning", "context": {"user_id": "test"}}'
RESULTS=bench/results/scenarios-$(date -u +%Y%m%dT%H%M%SZ)
JAVA="$(tools/find-jdk)/bin/java"
FLAGS=(--enable-native-access=ALL-UNNAMED) # the JVM flags of `make run`
read -r -a LOADTEST_FLAGS <<<"${LOADTEST_JVM_FLAGS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1}"
RUNTIME_PID=

fail() {
  echo "scenarios: $*" >&2
  exit 1
}

stop_runtime() {
  if [[ -n $RUNTIME_PID ]]; then
    kill "$RUNTIME_PID" 2>/dev/null || true
    wait "$RUNTIME_PID" 2>/dev/null || true
  fi
}
trap stop_runtime EXIT

build() {
  if [[ -n ${SKIP_BUILD:-} ]]; then
    [[ -f $RUNTIME_JAR ]] || fail "SKIP_BUILD is set but $RUNTIME_JAR is missing"
    return
  fi
  tools/mvn -B -q package -DskipTests -pl cli -am
}

start_runtime() {
  AGENT_SERVER_PORT="$RUNTIME_PORT" AGENT_MANAGEMENT_PORT="$MANAGEMENT_PORT" \
    "$JAVA" "${FLAGS[@]}" -jar "$RUNTIME_JAR" --config "$CONFIG" \
    >"$RESULTS/runtime.log" 2>&1 &
  RUNTIME_PID=$!
  echo "started the runtime (pid $RUNTIME_PID), log $RESULTS/runtime.log"
  local deadline=$((SECONDS + 60))
  until curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$MANAGEMENT_PORT/readyz" 2>/dev/null; do
    kill -0 "$RUNTIME_PID" 2>/dev/null || fail "the runtime exited (see $RESULTS/runtime.log)"
    ((SECONDS < deadline)) || fail "the runtime is not ready after 60s (see $RESULTS/runtime.log)"
    sleep 0.5
  done
}

# loadtest ARGS...: the loadtest command of the jar built from this checkout
loadtest() {
  "$JAVA" "${FLAGS[@]}" "${LOADTEST_FLAGS[@]}" -jar "$RUNTIME_JAR" loadtest --url "$DISPATCH" "$@"
}

# run_scenario PRESET [LABEL]: the reports go to $RESULTS/LABEL.txt and LABEL.json
run_scenario() {
  local name=$1 label=${2:-$1} gate=()
  [[ -n ${MAX_P95:-} ]] && gate=(--max-p95 "$MAX_P95")
  echo "== $label"
  loadtest "$name" --warmup "$WARMUP" --report "$RESULTS/$label.json" "${gate[@]}" \
    | tee "$RESULTS/$label.txt"
}

# The original load test, unchanged, right after our baseline: the two should agree.
run_hey() {
  echo "== hey -n 3000 -c 10 (the original command)"
  hey -n 3000 -c 10 -m POST -H "Content-Type: application/json" -d "$BODY" "$DISPATCH" \
    | tee "$RESULTS/hey-$1.txt" | grep -E 'Requests/sec|Average|  (50|95|99)% in|\[[0-9]+\]'
}

main() {
  command -v curl >/dev/null || fail "curl is missing: sudo apt-get install curl"
  [[ -z ${HEY:-} ]] || command -v hey >/dev/null || fail "HEY=1 needs hey: sudo apt-get install hey"
  mkdir -p "$RESULTS"
  if [[ -n ${URL:-} ]]; then
    DISPATCH="${URL%/}/dispatch"
    [[ -f $RUNTIME_JAR ]] || build
  else
    build
    start_runtime
    DISPATCH="http://127.0.0.1:$RUNTIME_PORT/dispatch"
  fi
  local status=0
  # A pipeline's status is tee's: pipefail makes it loadtest's.
  for name in $SCENARIOS; do
    run_scenario "$name" || status=$?
    if [[ $name == baseline && -n ${HEY:-} ]]; then
      run_hey 1
      run_scenario baseline baseline-2 || status=$?
      run_hey 2
    fi
  done
  echo "reports (text and JSON for perf-regression) in $RESULTS"
  return "$status"
}

main "$@"
