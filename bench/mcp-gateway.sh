#!/usr/bin/env bash
# The MCP gateway's added latency per tool call: the demo MCP server (agent-runtime
# demo-mcp-server) called directly and through the runtime's gateway (Cedar decision on the
# example policies, session lookup, relay), alternately, in the same run. Loopback only; stops by
# itself. Usage: bench/mcp-gateway.sh [CALLS] [WARMUP]   (ports: BASE_PORT, default 18700)
set -euo pipefail
cd "$(dirname "$0")/.."
java_home="$(tools/find-jdk)"
java="$java_home/bin/java"
jar=cli/target/agent-runtime.jar
[ -f "$jar" ] || tools/mvn -B -q package -DskipTests -pl cli -am
base="${BASE_PORT:-18700}"
api=$base; management=$((base + 1)); upstream=$((base + 2))
work="$(mktemp -d)"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

cat > "$work/runtime.yaml" <<YAML
runtime: {name: bench, namespace: default}
server: {host: 127.0.0.1, port: $api, management: {port: $management}}
identity: {localMode: true}
governance:
  store: {file: {directory: $PWD/examples/policies}}
intents:
  - name: call_reasoning
    backend: {type: echo}
mcpServers:
  - name: demo
    url: http://127.0.0.1:$upstream/mcp
    timeout: 10s
YAML

"$java" -jar "$jar" demo-mcp-server --port "$upstream" >"$work/demo.log" 2>&1 & pids+=($!)
"$java" --enable-native-access=ALL-UNNAMED -jar "$jar" --config "$work/runtime.yaml" \
  >"$work/runtime.log" 2>&1 & pids+=($!)
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$management/readyz" >/dev/null 2>&1 && break
  sleep 0.5
done
"$java" bench/mcp/McpLatency.java "http://127.0.0.1:$upstream/mcp" \
  "http://127.0.0.1:$api/mcp/demo" "${1:-20000}" "${2:-5000}"
