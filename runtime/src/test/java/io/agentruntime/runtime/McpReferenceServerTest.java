package io.agentruntime.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.agentruntime.runtime.testing.ServerEverything;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway in front of the MCP reference server ({@code @modelcontextprotocol/server-everything}
 * from npm), called by the Java SDK's client: every kind of message passes, tools are governed.
 */
class McpReferenceServerTest {

  private static final String POLICIES =
      """
      @id("everything-for-everyone")
      permit (principal, action, resource);

      @id("no-environment")
      forbid (principal, action == Action::"mcp:everything/get-env", resource);
      """;

  @TempDir Path dir;

  @Test
  void everyKindOfMessagePassesAndToolsAreGoverned() throws Exception {
    List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();
    try (ServerEverything everything = ServerEverything.start();
        TestRuntime runtime =
            TestRuntime.start(
                dir,
                TestRuntime.baseConfig()
                    + TestRuntime.ECHO_INTENTS
                    + """
                    mcpServers:
                      - name: everything
                        url: "%s"
                        timeout: 20s
                    """
                        .formatted(everything.endpoint()),
                Map.of("everything.cedar", POLICIES),
                Map.of());
        McpSyncClient client = client(runtime, progress)) {
      client.initialize();
      List<String> tools = client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
      assertThat(tools).contains("echo", "get-sum", "trigger-long-running-operation");
      assertThat(tools).doesNotContain("get-env");

      McpSchema.CallToolResult echoed =
          client.callTool(new McpSchema.CallToolRequest("echo", Map.of("message", "héllo")));
      assertThat(((McpSchema.TextContent) echoed.content().getFirst()).text())
          .isEqualTo("Echo: héllo");
      assertThatThrownBy(() -> client.callTool(new McpSchema.CallToolRequest("get-env", Map.of())))
          .isInstanceOfSatisfying(
              McpError.class,
              error -> assertThat(error.getJsonRpcError().message()).contains("no-environment"));

      McpSchema.CallToolResult longRunning =
          client.callTool(
              new McpSchema.CallToolRequest(
                  "trigger-long-running-operation",
                  Map.of("duration", 1, "steps", 3),
                  Map.of("progressToken", "op-1")));
      assertThat(longRunning.isError()).isNotEqualTo(Boolean.TRUE);
      // The client hands notifications to its consumer on its own thread: the last may follow the
      // result by a moment.
      await()
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(() -> assertThat(progress).hasSizeGreaterThanOrEqualTo(3));

      assertThat(client.listResources().resources()).isNotEmpty();
      assertThat(client.listPrompts().prompts()).isNotEmpty();
      assertThat(client.ping()).isNotNull();
    }
  }

  private static McpSyncClient client(
      TestRuntime runtime, List<McpSchema.ProgressNotification> progress) {
    HttpClientStreamableHttpTransport transport =
        HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + runtime.port())
            .endpoint("/mcp/everything")
            .httpRequestCustomizer(
                (request, method, uri, body, context) -> request.header(McpWire.PRINCIPAL, "ann"))
            .build();
    return McpClient.sync(transport)
        .requestTimeout(Duration.ofSeconds(20))
        .progressConsumer(progress::add)
        .build();
  }
}
