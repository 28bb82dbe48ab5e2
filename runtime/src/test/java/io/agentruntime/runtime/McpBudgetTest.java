package io.agentruntime.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentruntime.runtime.testing.McpToolServer;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A token budget on a policy permitting a tool: each call through the gateway counts one unit, and
 * the call past the budget is a JSON-RPC error naming it that never reaches the MCP server (the
 * Java SDK's, on loopback, called by the SDK's client).
 */
class McpBudgetTest {

  private static final String POLICIES =
      """
      @id("two-echoes-a-day")
      @tokenBudget("2/1d")
      permit (principal, action == Action::"mcp:tools/echo", resource);
      """;

  @TempDir Path dir;

  @Test
  void aToolCallPastItsBudgetIsAnErrorNamingTheBudgetAndNeverReachesTheServer() throws Exception {
    try (McpToolServer tools = McpToolServer.start();
        TestRuntime runtime =
            TestRuntime.start(
                dir,
                McpGatewayTest.config(tools, "20s"),
                Map.of("tools.cedar", POLICIES),
                Map.of());
        McpSyncClient ann = McpGatewayTest.client(runtime, "ann", "");
        McpSyncClient bob = McpGatewayTest.client(runtime, "bob", "")) {
      ann.listTools(); // listed tools are the only ones metered by name
      McpSchema.CallToolRequest echo = new McpSchema.CallToolRequest("echo", Map.of("text", "hi"));
      assertThat(ann.callTool(echo).isError()).isFalse();
      assertThat(ann.callTool(echo).isError()).isFalse();

      assertThatThrownBy(() -> ann.callTool(echo))
          .isInstanceOfSatisfying(
              McpError.class,
              error -> {
                assertThat(error.getJsonRpcError().code()).isEqualTo(-32014);
                assertThat(error.getJsonRpcError().message())
                    .contains("tokens budget of policy 'two-echoes-a-day'")
                    .contains("0 left");
              });
      assertThat(tools.calls("echo")).isEqualTo(2);

      // the budget is kept per caller
      assertThat(bob.callTool(echo).isError()).isFalse();
      assertThat(tools.calls("echo")).isEqualTo(3);
      assertThat(runtime.management("/metrics").body())
          .contains(
              "agent_mcp_tool_calls_total{outcome=\"budget_exhausted\",server=\"tools\","
                  + "tool=\"echo\"} 1.0");
    }
  }
}
