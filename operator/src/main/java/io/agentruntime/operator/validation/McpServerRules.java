package io.agentruntime.operator.validation;

import io.agentruntime.contract.config.McpServerConfig;
import io.agentruntime.operator.api.v1alpha1.AgentRuntimeSpec;
import io.agentruntime.operator.api.v1alpha1.McpServerSpec;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The MCP servers: names, uniqueness, URLs and timeouts. */
final class McpServerRules {

  private McpServerRules() {}

  static void check(AgentRuntimeSpec spec, FieldChecks checks) {
    List<McpServerSpec> servers = spec.getMcpServers();
    if (servers == null) {
      return;
    }
    if (servers.size() > AgentRuntimeSpec.MAX_MCP_SERVERS) {
      checks.fail(
          "spec.mcpServers",
          "at most " + AgentRuntimeSpec.MAX_MCP_SERVERS + " MCP servers, got " + servers.size());
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < servers.size(); i++) {
      String field = "spec.mcpServers[" + i + "]";
      McpServerSpec server = servers.get(i);
      if (!checks.required(field, server)) {
        continue;
      }
      String name = server.getName();
      if (checks.required(field + ".name", name)) {
        if (!McpServerConfig.NAME.matcher(name).matches()) {
          checks.fail(field + ".name", "'" + name + "' must be a DNS label (a-z, 0-9, '-')");
        } else if (!seen.add(name)) {
          checks.fail(field + ".name", "'" + name + "' is already used by another MCP server");
        }
      }
      if (checks.required(field + ".url", server.getUrl())) {
        IntentRules.checkUrl(field + ".url", server.getUrl(), checks);
      }
      checks
          .duration(field + ".timeout", server.getTimeout())
          .filter(Duration::isZero)
          .ifPresent(zero -> checks.fail(field + ".timeout", "must be greater than zero"));
    }
  }
}
