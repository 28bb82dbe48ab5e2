package io.agentruntime.operator.validation;

import io.agentruntime.operator.api.v1alpha1.AgentRuntimeSpec;
import io.agentruntime.operator.api.v1alpha1.McpServerSpec;
import java.time.Duration;
import java.util.List;

/**
 * The MCP servers: what the CRD schema cannot say of their URLs and timeouts. The schema states
 * their number, the required fields, the names' pattern and uniqueness.
 */
final class McpServerRules {

  private McpServerRules() {}

  static void check(AgentRuntimeSpec spec, FieldChecks checks) {
    List<McpServerSpec> servers = spec.getMcpServers();
    if (servers == null) {
      return;
    }
    for (int i = 0; i < servers.size(); i++) {
      String field = "spec.mcpServers[" + i + "]";
      McpServerSpec server = servers.get(i);
      if (server == null) {
        continue;
      }
      if (server.getUrl() != null) {
        IntentRules.checkUrl(field + ".url", server.getUrl(), checks);
      }
      checks
          .duration(field + ".timeout", server.getTimeout())
          .filter(Duration::isZero)
          .ifPresent(zero -> checks.fail(field + ".timeout", "must be greater than zero"));
    }
  }
}
