#!/usr/bin/env bash
# Compares the runtime's POST /dispatch with a bare Vert.x hello server on this machine, in one run:
# wrk at 100 connections against each (throughput and latency), the runtime twice: the same request
# repeated (the decision memo may answer) and a distinct context per request (every request is
# decided); then hey at a fixed 1000 req/s against the runtime (latency at that rate). For the
# servers it starts, it also reports the CPU time each spent per request: unlike requests per
# second, that figure hardly moves when wrk or other work shares the cores.
# See bench/README.md.
#
# Environment:
#   URL=http://host:port   load an already running runtime instead of building and starting one
#                          (the hello comparison is then skipped: it only means something on the
#                          machine that serves the runtime)
#   SKIP_BUILD=1           reuse the jars already built
#   RUNTIME_PORT, HELLO_PORT   loopback ports of the local servers (default 18080, 18081)
#   MANAGEMENT_PORT        loopback port of the runtime's probes and metrics (default 18082)
#   DURATION, WARMUP       wrk run and warm-up lengths (default 20s, 30s: on two cores the
#                          runtime's JIT needs more than 10 s of load to settle)
#   EVALUATOR              governance.evaluator of the local runtime: jvm (default), cedar, shadow
set -euo pipefail

cd "$(dirname "$0")/.."
RUNTIME_PORT=${RUNTIME_PORT:-18080}
HELLO_PORT=${HELLO_PORT:-18081}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-18082}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-30s}
CONFIG=examples/local/runtime.yaml
RUNTIME_JAR=cli/target/agent-runtime.jar
HELLO_JAR=bench/hello/target/hello-server.jar
BODY='{"intent": "call_reasoning", "context": {"user_id": "test"}}'
RESULTS=bench/results/$(date -u +%Y%m%dT%H%M%SZ)
PIDS=()

fail() {
  echo "dispatch-vs-hello: $*" >&2
  exit 1
}

stop_servers() {
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
}
trap stop_servers EXIT

require_tools() {
  local missing=()
  for tool in wrk hey curl; do
    command -v "$tool" >/dev/null || missing+=("$tool")
  done
  if ((${#missing[@]} > 0)); then
    fail "missing ${missing[*]}: install with 'sudo apt-get install ${missing[*]}' (Debian/Ubuntu)"
  fi
}

build() {
  if [[ -n ${SKIP_BUILD:-} ]]; then
    [[ -f $RUNTIME_JAR && -f $HELLO_JAR ]] || fail "SKIP_BUILD is set but $RUNTIME_JAR or $HELLO_JAR is missing"
    return
  fi
  make build
  tools/mvn -B -q package -f bench/hello/pom.xml
}

# start NAME LOGFILE COMMAND...: runs the command in the background and remembers its PID
start() {
  local name=$1 log=$2
  shift 2
  "$@" >"$log" 2>&1 &
  PIDS+=($!)
  echo "started $name (pid $!), log $log"
}

# wait_until_ok NAME SECONDS CURL_ARGS...: polls until the request answers 2xx
wait_until_ok() {
  local name=$1 seconds=$2
  shift 2
  local deadline=$((SECONDS + seconds))
  until curl -fsS -o /dev/null --max-time 2 "$@" 2>/dev/null; do
    ((SECONDS < deadline)) || fail "$name not ready after ${seconds}s (see $RESULTS)"
    sleep 0.5
  done
}

start_local_servers() {
  local java
  java="$(tools/find-jdk)/bin/java"
  local flags=(--enable-native-access=ALL-UNNAMED)  # the JVM flags of `make run`
  start runtime "$RESULTS/runtime.log" \
    env AGENT_SERVER_PORT="$RUNTIME_PORT" AGENT_MANAGEMENT_PORT="$MANAGEMENT_PORT" \
    AGENT_GOVERNANCE_EVALUATOR="${EVALUATOR:-jvm}" "$java" "${flags[@]}" -jar "$RUNTIME_JAR" --config "$CONFIG"
  start hello "$RESULTS/hello.log" "$java" "${flags[@]}" -jar "$HELLO_JAR" "$HELLO_PORT" 127.0.0.1
  wait_until_ok runtime 60 "http://127.0.0.1:$MANAGEMENT_PORT/readyz"
  wait_until_ok hello 30 -X POST -d '{}' "http://127.0.0.1:$HELLO_PORT/"
}

check_dispatch() {
  local status
  status=$(curl -sS -o "$RESULTS/first-dispatch.json" -w '%{http_code}' --max-time 5 \
    -H 'content-type: application/json' -d "$BODY" "$1")
  [[ $status == 200 ]] || fail "POST $1 answered $status, expected 200: $(head -c 300 "$RESULTS/first-dispatch.json")"
}

# wrk_run NAME URL DURATION [SCRIPT] [PID]: the wrk report goes to $RESULTS/wrk-NAME.txt and,
# given the server's PID, the CPU time it spent meanwhile (clock ticks) to $RESULTS/cpu-NAME.txt
wrk_run() {
  local before
  [[ -n ${5:-} ]] && before=$(cpu_ticks "$5")
  wrk -t2 -c100 -d"$3" --latency -s "${4:-bench/post.lua}" "$2" >"$RESULTS/wrk-$1.txt"
  [[ -n ${5:-} ]] && echo $(($(cpu_ticks "$5") - before)) >"$RESULTS/cpu-$1.txt"
  return 0
}

# cpu_ticks PID: user and system CPU time of the process so far, in clock ticks
cpu_ticks() {
  awk '{print $14 + $15}' "/proc/$1/stat"
}

# cpu_per_request NAME: microseconds of the server's CPU time per request wrk completed
cpu_per_request() {
  awk -v ticks="$(cat "$RESULTS/cpu-$1.txt")" -v hz="$(getconf CLK_TCK)" \
    '/ requests in / {printf "%.1f", ticks * 1e6 / hz / $1}' "$RESULTS/wrk-$1.txt"
}

# wrk_field FILE FIELD: requests/s, or a latency percentile (50%, 99%) in milliseconds
wrk_field() {
  case $2 in
    rps) awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$1" ;;
    *) awk -v p="$2" '$1 == p && NF == 2 {
         v = $2; unit = v; gsub(/[0-9.]/, "", unit); sub(/[a-z]+$/, "", v)
         f = (unit == "us") ? 0.001 : (unit == "s") ? 1000 : (unit == "m") ? 60000 : 1
         printf "%.2f", v * f }' "$1" ;;
  esac
}

# wrk_errors FILE: non-2xx answers plus socket errors (connect, read, write, timeout)
wrk_errors() {
  awk '/Non-2xx/ {n += $NF}
       /Socket errors/ {for (i = 3; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) n += $i + 0}
       END {printf "%d", n}' "$1"
}

hey_run() {
  hey -z 20s -c 10 -q 100 -m POST -T application/json -d "$BODY" "$1" >"$RESULTS/hey-runtime.txt"
}

# hey_field FILE FIELD: rps, or a percentile (50%, 95%, 99%) in milliseconds
hey_field() {
  case $2 in
    rps) awk '/Requests\/sec:/ {printf "%.0f", $2}' "$1" ;;
    *) awk -v p="$2" '$1 == p && $2 == "in" {printf "%.2f", $3 * 1000}' "$1" ;;
  esac
}

hey_non_200() {
  awk '/^\s*\[[0-9]+\]/ && $1 != "[200]" {n += $2} END {printf "%d", n}' "$1"
}

print_row() {
  printf '%-30s %11s %8s %8s %8s %7s\n' "$@"
}

report() {
  echo
  print_row "run" "requests/s" "p50 ms" "p95 ms" "p99 ms" "errors"
  for name in hello runtime runtime-distinct; do
    local f="$RESULTS/wrk-$name.txt"
    [[ -f $f ]] || continue
    # wrk --latency reports 50/75/90/99 %: no p95
    print_row "$name (wrk -c100 -d$DURATION)" "$(wrk_field "$f" rps)" "$(wrk_field "$f" 50%)" \
      "-" "$(wrk_field "$f" 99%)" "$(wrk_errors "$f")"
  done
  local h="$RESULTS/hey-runtime.txt"
  print_row "runtime at 1000 req/s (hey)" "$(hey_field "$h" rps)" "$(hey_field "$h" 50%)" \
    "$(hey_field "$h" 95%)" "$(hey_field "$h" 99%)" "$(hey_non_200 "$h")"
  if [[ -f $RESULTS/wrk-hello.txt ]]; then
    awk -v r="$(wrk_field "$RESULTS/wrk-runtime.txt" rps)" \
      -v d="$(wrk_field "$RESULTS/wrk-runtime-distinct.txt" rps)" \
      -v h="$(wrk_field "$RESULTS/wrk-hello.txt" rps)" \
      'BEGIN {printf "throughput ratio runtime/hello: repeated request %.2f, distinct context %.2f\n", r / h, d / h}'
    local hello repeated distinct
    hello=$(cpu_per_request hello)
    repeated=$(cpu_per_request runtime)
    distinct=$(cpu_per_request runtime-distinct)
    echo "CPU time per request (µs): hello $hello, runtime repeated $repeated, distinct $distinct"
    awk -v h="$hello" -v r="$repeated" -v d="$distinct" \
      'BEGIN {printf "CPU ratio hello/runtime: repeated request %.2f, distinct context %.2f\n", h / r, h / d}'
  fi
  echo "errors: non-2xx answers and socket errors; raw reports in $RESULTS"
}

main() {
  require_tools
  mkdir -p "$RESULTS"
  local dispatch
  if [[ -n ${URL:-} ]]; then
    dispatch="${URL%/}/dispatch"
    check_dispatch "$dispatch"
    echo "warming up the runtime ($WARMUP)"
    wrk_run warmup-runtime "$dispatch" "$WARMUP"
  else
    build
    start_local_servers
    dispatch="http://127.0.0.1:$RUNTIME_PORT/dispatch"
    check_dispatch "$dispatch"
    echo "warming up both servers ($WARMUP each)"
    wrk_run warmup-hello "http://127.0.0.1:$HELLO_PORT/" "$WARMUP"
    wrk_run warmup-runtime "$dispatch" "$WARMUP"
    echo "loading the hello server ($DURATION)"
    wrk_run hello "http://127.0.0.1:$HELLO_PORT/" "$DURATION" bench/post.lua "${PIDS[1]}"
  fi
  local runtime_pid=${PIDS[0]:-}
  echo "loading the runtime with one repeated request ($DURATION)"
  wrk_run runtime "$dispatch" "$DURATION" bench/post.lua "$runtime_pid"
  echo "loading the runtime with a distinct context per request ($DURATION)"
  wrk_run runtime-distinct "$dispatch" "$DURATION" bench/post-distinct.lua "$runtime_pid"
  echo "fixed rate: 1000 req/s for 20s"
  hey_run "$dispatch"
  report
}

main "$@"
