package io.agentruntime.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentruntime.runtime.testing.McpToolServer;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runtimes sharing one governance table (a real dynalite) in front of one MCP server: a session
 * opened on either is served by both, stays its owner's, ends everywhere at once, and a keyed tool
 * call retried on the other runtime runs once.
 */
class McpSharedSessionTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String LIST =
      "{\"jsonrpc\": \"2.0\", \"id\": 2, \"method\": \"tools/list\"}";

  @TempDir Path dir;

  @Test
  void oneSessionIsServedAlternatelyByBothRuntimes() throws Exception {
    try (LocalRegion region = LocalRegion.start(SharedRateLimitTest.HOME);
        McpToolServer tools = McpToolServer.start();
        TestRuntime a = start(region, tools, "a");
        TestRuntime b = start(region, tools, "b")) {
      permitTools(region, a, b);
      McpWire viaA = new McpWire(a.uri("/mcp/tools"));
      McpWire viaB = new McpWire(b.uri("/mcp/tools"));
      String session = viaA.open("ann");

      for (int call = 0; call < 4; call++) {
        McpWire via = call % 2 == 0 ? viaB : viaA;
        HttpResponse<String> echoed =
            via.postIn(
                session,
                "ann",
                McpWire.call(10 + call, "echo", "{\"text\": \"call " + call + "\"}"));
        assertThat(echoed.statusCode()).as(echoed.body()).isEqualTo(200);
        assertThat(echoed.body()).contains("call " + call);
      }
      assertThat(tools.calls("echo")).isEqualTo(4);

      HttpResponse<String> stolen = viaB.postIn(session, "bob", LIST);
      assertThat(stolen.statusCode()).isEqualTo(404);

      assertThat(b.delete("/v1/mcp/sessions/" + session, McpWire.PRINCIPAL, "ann").statusCode())
          .isEqualTo(204);
      assertThat(viaA.postIn(session, "ann", LIST).statusCode()).isEqualTo(404);
    }
  }

  @Test
  void aKeyedToolCallRetriedOnTheOtherRuntimeRunsOnce() throws Exception {
    try (LocalRegion region = LocalRegion.start(SharedRateLimitTest.HOME);
        McpToolServer tools = McpToolServer.start();
        TestRuntime a = start(region, tools, "a");
        TestRuntime b = start(region, tools, "b")) {
      permitTools(region, a, b);
      String session = new McpWire(a.uri("/mcp/tools")).open("ann");
      String transfer = McpWire.call(20, "transfer", "{\"amount\": 10, \"account\": \"a-1\"}");

      HttpResponse<String> first =
          new McpWire(a.uri("/mcp/tools"))
              .postIn(session, "ann", transfer, "idempotency-key", "t-9");
      HttpResponse<String> retry =
          new McpWire(b.uri("/mcp/tools"))
              .postIn(
                  session,
                  "ann",
                  transfer.replace("\"id\": 20", "\"id\": 21"),
                  "idempotency-key",
                  "t-9");

      assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
      assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
      assertThat(retry.headers().firstValue("idempotent-replayed")).hasValue("true");
      JsonObject replayed = McpWire.message(retry);
      assertThat(replayed.getInteger("id")).isEqualTo(21);
      assertThat(replayed.getJsonObject("result"))
          .isEqualTo(McpWire.message(first).getJsonObject("result"));
      assertThat(tools.calls("transfer")).isEqualTo(1);
    }
  }

  private TestRuntime start(LocalRegion region, McpToolServer tools, String name) throws Exception {
    return SharedRateLimitTest.start(
        dir.resolve(name),
        region,
        """
        idempotency: {store: dynamodb}
        intents:
          - name: call_reasoning
            backend: {type: echo}
        mcpServers:
          - name: tools
            url: "%s"
            timeout: 20s
        """
            .formatted(tools.endpoint()));
  }

  /** Permits echo and transfer, and waits until both runtimes list them. */
  private static void permitTools(LocalRegion region, TestRuntime... runtimes) throws Exception {
    region.permit("echo-for-everyone", "mcp:tools/echo");
    region.permit("transfer-for-everyone", "mcp:tools/transfer");
    for (TestRuntime runtime : runtimes) {
      McpWire wire = new McpWire(runtime.uri("/mcp/tools"));
      String session = wire.open("probe");
      await()
          .atMost(WAIT)
          .until(() -> wire.postIn(session, "probe", LIST).body().contains("transfer"));
    }
  }
}
