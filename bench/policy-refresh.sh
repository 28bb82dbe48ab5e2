#!/usr/bin/env bash
# What keeping a runtime's policy set fresh from DynamoDB costs, and whether a reload shows in the
# decision latency: one runtime on a dynalite table of 100 policies, loaded at a fixed rate with hey
# for DURATION while the set changes every CHANGE_EVERY seconds. Prints the store requests per
# minute (from /metrics) and the latency of a run with changes next to one without. See
# docs/performance.md.
#
# Environment:
#   SKIP_BUILD=1       reuse cli/target/agent-runtime.jar
#   DURATION           each load run, in seconds (default 60)
#   CHANGE_EVERY       seconds between two policy changes in the second run (default 10, the
#                      refresh interval: every check finds a new version)
#   RATE               requests per second (default 1000)
#   RUNTIME_PORT, DYNALITE_PORT, MANAGEMENT_PORT   loopback ports (default 18090, 18091, 18092)
set -euo pipefail

cd "$(dirname "$0")/.."
DURATION=${DURATION:-60}
CHANGE_EVERY=${CHANGE_EVERY:-10}
RATE=${RATE:-1000}
RUNTIME_PORT=${RUNTIME_PORT:-18090}
DYNALITE_PORT=${DYNALITE_PORT:-18091}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-18092}
RUNTIME_JAR=cli/target/agent-runtime.jar
ENDPOINT=http://127.0.0.1:$DYNALITE_PORT
TABLE=bench-policies
SET=bench/refresh
RESULTS=bench/results/refresh-$(date -u +%Y%m%dT%H%M%SZ)
BODY='{"intent": "call_reasoning", "context": {"user_id": "test", "tier": "paid"}}'
PIDS=()

fail() {
  echo "policy-refresh: $*" >&2
  exit 1
}

stop_all() {
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
}
trap stop_all EXIT

for tool in hey curl node; do
  command -v "$tool" >/dev/null 2>&1 || fail "'$tool' is not installed"
done
JAVA_HOME=$(tools/find-jdk)
JAVA="$JAVA_HOME/bin/java --enable-native-access=ALL-UNNAMED"
[ -n "${SKIP_BUILD:-}" ] || make -s build
mkdir -p "$RESULTS/policies"

# 100 policies: 95 scoped to 20 intents, 5 for every intent (as the JMH benchmark).
for i in $(seq 0 94); do
  printf '@id("p-%d") permit(principal, action == Action::"intent_%02d", resource) when { context has tier && context.tier == "paid" };\n' \
    "$i" $((i % 20)) >"$RESULTS/policies/p-$i.cedar"
done
printf '@id("reasoning") permit(principal, action == Action::"call_reasoning", resource);\n' >"$RESULTS/policies/reasoning.cedar"
for i in 1 2 3 4; do
  printf '@id("guard-%d") forbid(principal == User::"blocked-%d", action, resource);\n' "$i" "$i" >"$RESULTS/policies/guard-$i.cedar"
done

node "$(tools/dynalite)" --port "$DYNALITE_PORT" --createTableMs 50 >"$RESULTS/dynalite.log" 2>&1 &
PIDS+=($!)
export AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench AWS_REGION=us-east-1
policies() {
  $JAVA -jar "$RUNTIME_JAR" policies "$@" --table "$TABLE" --runtime "$SET" --endpoint "$ENDPOINT"
}
for _ in $(seq 50); do curl -s -o /dev/null "$ENDPOINT" && break; sleep 0.2; done
policies push --create-table "$RESULTS/policies" >"$RESULTS/push.log"

cat >"$RESULTS/runtime.yaml" <<YAML
runtime: {name: refresh, namespace: bench}
server: {host: 127.0.0.1, port: $RUNTIME_PORT, management: {port: $MANAGEMENT_PORT}}
identity: {localMode: true}
governance:
  refreshInterval: 10s
  maxStaleness: 5m
  store:
    dynamodb: {table: $TABLE, region: us-east-1, endpoint: "$ENDPOINT"}
intents:
  - {name: call_reasoning, timeout: 5s, backend: {type: echo}}
YAML
$JAVA -jar "$RUNTIME_JAR" --config "$RESULTS/runtime.yaml" >"$RESULTS/runtime.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$MANAGEMENT_PORT/readyz" && break; sleep 0.2; done
curl -sf -o /dev/null "http://127.0.0.1:$MANAGEMENT_PORT/readyz" || fail "the runtime did not become ready"

store_requests() {
  curl -s "http://127.0.0.1:$MANAGEMENT_PORT/metrics" \
    | awk '/^agent_policy_store_requests_total/ {sum += $2} END {print sum + 0}'
}
load() { # <name>
  hey -z "${DURATION}s" -c 10 -q $((RATE / 10)) -m POST -T application/json -d "$BODY" \
    "http://127.0.0.1:$RUNTIME_PORT/dispatch" >"$RESULTS/$1.txt"
}
percentile() { # <name> <label>
  awk -v p="$2" '$1 == p"%" && $2 == "in" {print $3 * 1000 " ms"}' "$RESULTS/$1.txt"
}

hey -z 10s -c 10 -q $((RATE / 10)) -m POST -T application/json -d "$BODY" \
  "http://127.0.0.1:$RUNTIME_PORT/dispatch" >/dev/null
before=$(store_requests)
load steady
steady_requests=$(( $(store_requests) - before ))

# A change is what the operator and `policies push` write: the policy item, then the head's version
# bump. Sent with curl, so the writer costs the machine next to nothing (a JVM per push would).
dynamodb() { # <operation> <json>
  curl -s -o /dev/null -X POST "$ENDPOINT" -H "X-Amz-Target: DynamoDB_20120810.$1" \
    -H 'Content-Type: application/x-amz-json-1.0' -H "X-Amz-Date: 20260101T000000Z" \
    -H 'Authorization: AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=0' \
    -d "$2"
}
change_policy() { # <n>
  local key="\"pk\": {\"S\": \"POLICYSET#$SET\"}"
  dynamodb UpdateItem "{\"TableName\": \"$TABLE\", \"Key\": {$key, \"sk\": {\"S\": \"POLICY#reasoning\"}},
    \"UpdateExpression\": \"SET cedar = :c ADD version :one\",
    \"ExpressionAttributeValues\": {\":c\": {\"S\": \"@id(\\\"reasoning\\\") permit(principal, action == Action::\\\"call_reasoning\\\", resource) when { context.tier != \\\"banned-$1\\\" };\"}, \":one\": {\"N\": \"1\"}}}"
  dynamodb UpdateItem "{\"TableName\": \"$TABLE\", \"Key\": {$key, \"sk\": {\"S\": \"#HEAD\"}},
    \"UpdateExpression\": \"ADD version :one\", \"ExpressionAttributeValues\": {\":one\": {\"N\": \"1\"}}}"
}
version_before=$(curl -s "http://127.0.0.1:$MANAGEMENT_PORT/metrics" | awk '/^agent_policy_set_version/ {print $2}')
(
  n=0
  while sleep "$CHANGE_EVERY"; do
    n=$((n + 1))
    change_policy "$n"
  done
) &
PIDS+=($!)
load reloading
kill "${PIDS[-1]}" 2>/dev/null || true
version=$(curl -s "http://127.0.0.1:$MANAGEMENT_PORT/metrics" | awk '/^agent_policy_set_version/ {print $2}')

echo
echo "policy store requests, ${DURATION} s without changes: $steady_requests" \
  "($(awk -v r="$steady_requests" -v d="$DURATION" 'BEGIN {printf "%.1f", r * 60 / d}') per minute)"
echo "policy set reloads during the second run: $(awk -v a="$version_before" -v b="$version" 'BEGIN {print b - a}')" \
  "(version $version_before -> $version; one change every ${CHANGE_EVERY} s, picked up at the next 10 s check)"
printf '%-12s %12s %12s %12s %10s\n' run p50 p95 p99 req/s
for run in steady reloading; do
  printf '%-12s %12s %12s %12s %10s\n' "$run" "$(percentile "$run" 50)" "$(percentile "$run" 95)" \
    "$(percentile "$run" 99)" "$(awk '/Requests\/sec/ {print $2}' "$RESULTS/$run.txt")"
done
echo "raw reports: $RESULTS"
