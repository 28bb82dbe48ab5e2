package io.agentruntime.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentruntime.contract.config.RuntimeConfig;
import io.agentruntime.runtime.RuntimeServer;
import io.agentruntime.runtime.config.RuntimeConfigLoader;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the README shows of {@code make run}: the demo MCP server behind the gateway, under the
 * shipped local configuration and example policies.
 */
class DemoMcpServerTest {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @TempDir Path dir;
  private Vertx vertx;
  private RuntimeServer runtime;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    int demoPort =
        DemoMcpServer.start(vertx, "127.0.0.1", 0).await(10, TimeUnit.SECONDS).actualPort();
    String example =
        Files.readString(Path.of("../examples/local/runtime.yaml"))
            .replace("127.0.0.1:8090", "127.0.0.1:" + demoPort)
            .replace("../policies", Path.of("../examples/policies").toAbsolutePath().toString());
    Path config = Files.writeString(dir.resolve("runtime.yaml"), example);
    RuntimeConfig loaded =
        new RuntimeConfigLoader(Map.of("AGENT_SERVER_PORT", "0", "AGENT_MANAGEMENT_PORT", "0"))
            .load(config);
    runtime =
        RuntimeServer.start(loaded)
            .toCompletionStage()
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    runtime.shutdown().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void toolsAreListedAndCalledAsTheExamplePoliciesSay() throws Exception {
    String ann = open("ann", "");
    assertThat(post(ann, "ann", "", "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}"))
        .contains("\"echo\"", "\"add\"")
        .doesNotContain("delete_repo");
    assertThat(post(ann, "ann", "", call("delete_repo", "{\"repo\":\"scratch\"}")))
        .contains("-32003", "repos-deleted-by-admins-only");
    assertThat(post(ann, "ann", "", call("add", "{\"a\":2000000,\"b\":1}"))).contains("2000001");

    String admin = open("root", "admins");
    assertThat(post(admin, "root", "admins", call("delete_repo", "{\"repo\":\"production\"}")))
        .contains("production-is-never-deleted");
    assertThat(post(admin, "root", "admins", call("delete_repo", "{\"repo\":\"scratch\"}")))
        .contains("would delete repository scratch");
  }

  private static String call(String tool, String arguments) {
    return "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\""
        + tool
        + "\",\"arguments\":"
        + arguments
        + "}}";
  }

  private String open(String principal, String groups) throws Exception {
    HttpResponse<String> opened =
        send(
            null,
            principal,
            groups,
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
                + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                + "\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}");
    assertThat(new JsonObject(opened.body()).getJsonObject("result").getString("protocolVersion"))
        .isEqualTo("2025-06-18");
    return opened.headers().firstValue("mcp-session-id").orElseThrow();
  }

  private String post(String session, String principal, String groups, String body)
      throws Exception {
    return send(session, principal, groups, body).body();
  }

  private HttpResponse<String> send(String session, String principal, String groups, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port() + "/mcp/demo"))
            .header("content-type", "application/json")
            .header("accept", "application/json, text/event-stream")
            .header("x-agent-principal", principal)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (!groups.isEmpty()) {
      request.header("x-agent-groups", groups);
    }
    if (session != null) {
      request.header("mcp-session-id", session);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
