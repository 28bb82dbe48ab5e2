package io.agentruntime.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.agentruntime.runtime.testing.McpToolServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime as an MCP gateway in front of a real MCP server (the Java SDK's, on loopback), called
 * by the SDK's real client and by hand: tools listed and called per policy, denials that never
 * reach the server, streams relayed as they come, sessions bound to their caller.
 */
class McpGatewayTest {

  static final String POLICIES =
      """
      @id("tools-for-everyone")
      permit (principal, action in [Action::"mcp:tools/echo", Action::"mcp:tools/transfer",
          Action::"mcp:tools/countdown"], resource);

      @id("repos-for-admins")
      permit (principal, action == Action::"mcp:tools/delete_repo", resource)
      when { principal in Group::"admins" };

      @id("no-large-transfers")
      forbid (principal, action == Action::"mcp:tools/transfer", resource)
      when { context.arguments has amount && context.arguments.amount > 1000 };

      @id("reasoning-for-everyone")
      permit (principal, action == Action::"call_reasoning", resource);
      """;

  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path dir;
  private McpToolServer tools;
  private TestRuntime runtime;
  private McpWire wire;

  @BeforeEach
  void start() throws Exception {
    tools = McpToolServer.start();
    runtime =
        TestRuntime.start(dir, config(tools, "20s"), Map.of("tools.cedar", POLICIES), Map.of());
    wire = new McpWire(runtime.uri("/mcp/tools"));
  }

  @AfterEach
  void stop() throws Exception {
    runtime.close();
    tools.close();
  }

  static String config(McpToolServer tools, String timeout) {
    return TestRuntime.serverConfig(
            "identity: {localMode: false, groupsHeader: " + McpWire.GROUPS + "}\n")
        + """
        governance:
          refreshInterval: 100ms
          store: {file: {directory: policies}}
        intents:
          - name: call_reasoning
            backend: {type: echo}
        mcpServers:
          - name: tools
            url: "%s"
            timeout: %s
        """
            .formatted(tools.endpoint(), timeout);
  }

  @Test
  void aClientListsOnlyTheToolsItMayCall() {
    try (McpSyncClient ann = client("ann", "");
        McpSyncClient admin = client("root", "admins")) {
      assertThat(names(ann.listTools())).containsExactlyInAnyOrder("echo", "transfer", "countdown");
      assertThat(names(admin.listTools()))
          .containsExactlyInAnyOrder("echo", "transfer", "countdown", "delete_repo");
    }
  }

  @Test
  void anAllowedCallReachesTheServerWithItsArgumentsIntact() {
    Map<String, Object> arguments =
        Map.of("text", "héllo ✓", "nested", Map.of("list", List.of(1, 2, 3), "flag", true));
    try (McpSyncClient ann = client("ann", "")) {
      McpSchema.CallToolResult result =
          ann.callTool(new McpSchema.CallToolRequest("echo", arguments));

      assertThat(((McpSchema.TextContent) result.content().getFirst()).text()).isEqualTo("héllo ✓");
    }
    assertThat(tools.calls("echo")).isEqualTo(1);
    assertThat(tools.lastArguments("echo")).isEqualTo(arguments);
  }

  @Test
  void aForbiddenCallNeverReachesTheServerAndTheClientSeesThePolicy() throws Exception {
    try (McpSyncClient ann = client("ann", "")) {
      ann.listTools(); // listed tools are the only ones metered by name
      assertThatThrownBy(
              () ->
                  ann.callTool(
                      new McpSchema.CallToolRequest(
                          "transfer", Map.of("amount", 5000, "account", "x"))))
          .isInstanceOfSatisfying(
              McpError.class,
              error -> {
                assertThat(error.getJsonRpcError().code()).isEqualTo(-32003);
                assertThat(error.getJsonRpcError().message()).contains("no-large-transfers");
              });
      assertThatThrownBy(() -> ann.callTool(new McpSchema.CallToolRequest("delete_repo", Map.of())))
          .isInstanceOfSatisfying(
              McpError.class,
              error -> assertThat(error.getJsonRpcError().message()).contains("no policy permits"));

      McpSchema.CallToolResult small =
          ann.callTool(
              new McpSchema.CallToolRequest("transfer", Map.of("amount", 10, "account", "x")));
      assertThat(small.isError()).isFalse();
    }
    assertThat(tools.calls("transfer")).isEqualTo(1);
    assertThat(tools.calls("delete_repo")).isZero();
    assertThat(runtime.management("/metrics").body())
        .contains(
            "agent_mcp_tool_calls_total{outcome=\"denied\",server=\"tools\",tool=\"transfer\"} 1.0")
        .contains(
            "agent_mcp_tool_calls_total{outcome=\"relayed\",server=\"tools\",tool=\"transfer\"}"
                + " 1.0");
  }

  @Test
  void aStreamedResultIsRelayedAsItComes() throws Exception {
    String session = wire.open("ann");

    BlockingQueue<String> lines =
        wire.stream(
            """
            {"jsonrpc": "2.0", "id": 7, "method": "tools/call", "params": {"name": "countdown",
             "arguments": {}, "_meta": {"progressToken": "p-1"}}}
            """,
            McpWire.PRINCIPAL,
            "ann",
            McpWire.SESSION,
            session);

    // the progress event arrives while the tool still holds its answer back
    await().atMost(WAIT).until(() -> lines.stream().anyMatch(line -> line.contains("half way")));
    assertThat(lines).noneMatch(line -> line.contains("\"result\""));
    tools.release();
    await().atMost(WAIT).until(() -> lines.contains("<end>"));
    assertThat(lines).anyMatch(line -> line.contains("\"id\":7") && line.contains("done"));
  }

  @Test
  void anUpstreamThatDiesMidCallGivesTheClientAnError() throws Exception {
    String session = wire.open("ann");
    BlockingQueue<String> lines =
        wire.stream(
            """
            {"jsonrpc": "2.0", "id": 8, "method": "tools/call", "params": {"name": "countdown",
             "arguments": {}, "_meta": {"progressToken": "p-2"}}}
            """,
            McpWire.PRINCIPAL,
            "ann",
            McpWire.SESSION,
            session);
    await().atMost(WAIT).until(() -> lines.stream().anyMatch(line -> line.contains("half way")));

    tools.kill();

    // well before the server's 20 s timeout: the broken stream itself is answered
    await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("<end>"));
    assertThat(lines).anyMatch(line -> line.contains("\"id\":8") && line.contains("-32013"));
  }

  @Test
  void anotherPrincipalCannotUseTheSession() throws Exception {
    String session = wire.open("ann");

    HttpResponse<String> stolen =
        wire.postIn(session, "bob", McpWire.call(2, "echo", "{\"text\": \"x\"}"));

    assertThat(stolen.statusCode()).isEqualTo(404);
    assertThat(new JsonObject(stolen.body()).getJsonObject("error").getInteger("code"))
        .isEqualTo(-32001);
    assertThat(tools.calls("echo")).isZero();
    HttpResponse<String> own =
        wire.postIn(session, "ann", McpWire.call(3, "echo", "{\"text\": \"x\"}"));
    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(tools.calls("echo")).isEqualTo(1);
  }

  @Test
  void sessionsAreListedToTheirOwnerAndEndedByDelete() throws Exception {
    String session = wire.open("ann");
    wire.open("bob");

    HttpResponse<String> listed = runtime.get("/v1/mcp/sessions", McpWire.PRINCIPAL, "ann");
    assertThat(listed.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(listed.body()).getJsonArray("sessions"))
        .singleElement()
        .satisfies(
            entry -> {
              JsonObject item = (JsonObject) entry;
              assertThat(item.getString("id")).isEqualTo(session);
              assertThat(item.getString("server")).isEqualTo("tools");
              assertThat(item.getJsonObject("client").getString("name")).isEqualTo("wire-test");
            });
    assertThat(runtime.delete("/v1/mcp/sessions/" + session, McpWire.PRINCIPAL, "bob").statusCode())
        .isEqualTo(404);
    assertThat(runtime.delete("/v1/mcp/sessions/" + session, McpWire.PRINCIPAL, "ann").statusCode())
        .isEqualTo(204);

    HttpResponse<String> after = wire.postIn(session, "ann", McpWire.call(2, "echo", "{}"));
    assertThat(after.statusCode()).isEqualTo(404);
    assertThat(
            new JsonObject(runtime.get("/v1/mcp/sessions", McpWire.PRINCIPAL, "ann").body())
                .getJsonArray("sessions"))
        .isEmpty();
  }

  @Test
  void aRetriedCallWithAKeyRunsOnce() throws Exception {
    String session = wire.open("ann");
    String transfer = McpWire.call(4, "transfer", "{\"amount\": 10, \"account\": \"a-1\"}");

    HttpResponse<String> first = wire.postIn(session, "ann", transfer, "idempotency-key", "t-1");
    HttpResponse<String> retry =
        wire.postIn(
            session, "ann", transfer.replace("\"id\": 4", "\"id\": 5"), "idempotency-key", "t-1");

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(retry.headers().firstValue("idempotent-replayed")).hasValue("true");
    JsonObject answer = McpWire.message(retry);
    assertThat(answer.getInteger("id")).isEqualTo(5);
    assertThat(answer.getJsonObject("result"))
        .isEqualTo(McpWire.message(first).getJsonObject("result"));
    assertThat(tools.calls("transfer")).isEqualTo(1);
  }

  @Test
  void badInputGetsAJsonRpcErrorAndReachesNothing() throws Exception {
    String session = wire.open("ann");
    assertError(
        wire.post("[" + McpWire.call(1, "echo", "{}") + "]", McpWire.PRINCIPAL, "ann"),
        400,
        -32600);
    assertError(wire.post("{\"jsonrpc\": \"2.0\", ", McpWire.PRINCIPAL, "ann"), 400, -32700);
    assertError(wire.post(McpWire.call(1, "echo", "{}"), McpWire.PRINCIPAL, "ann"), 400, -32000);
    assertError(wire.post(McpWire.call(1, "echo", "{}"), McpWire.SESSION, session), 401, -32002);
    assertError(wire.postIn(session, "ann", McpWire.call(1, "echo", "[1]")), 200, -32602);
    assertThat(tools.calls("echo")).isZero();
    runtime.assertStillServes();
  }

  private static void assertError(HttpResponse<String> response, int status, int code) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(new JsonObject(response.body()).getJsonObject("error").getInteger("code"))
        .isEqualTo(code);
  }

  private McpSyncClient client(String principal, String groups) {
    return client(runtime, principal, groups);
  }

  /**
   * The SDK's client of {@code runtime}'s {@code /mcp/tools}, initialized, as {@code principal}.
   */
  static McpSyncClient client(TestRuntime runtime, String principal, String groups) {
    HttpClientStreamableHttpTransport transport =
        HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + runtime.port())
            .endpoint("/mcp/tools")
            .httpRequestCustomizer(
                (request, method, uri, body, context) -> {
                  request.header(McpWire.PRINCIPAL, principal);
                  if (!groups.isEmpty()) {
                    request.header(McpWire.GROUPS, groups);
                  }
                })
            .build();
    McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(20)).build();
    client.initialize();
    return client;
  }

  private static List<String> names(McpSchema.ListToolsResult listed) {
    return listed.tools().stream().map(McpSchema.Tool::name).toList();
  }
}
