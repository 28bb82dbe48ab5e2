package io.agentruntime.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.agentruntime.runtime.testing.McpToolServer;
import io.agentruntime.runtime.testing.MountedSecret;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upstream MCP server that wants credentials of its own (the SDK's server on loopback, refusing
 * requests without its {@code Authorization} with 401) gets them from a file, as a Secret the
 * kubelet mounts, and gets the new value after the Secret is rotated, without a restart.
 */
class McpUpstreamCredentialsTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String ECHO = McpWire.call(2, "echo", "{\"text\": \"through\"}");

  @TempDir Path dir;
  private McpToolServer tools;
  private MountedSecret secret;
  private TestRuntime runtime;

  @BeforeEach
  void start() throws Exception {
    tools = McpToolServer.start();
    tools.requireAuthorization("Bearer first");
    // the way a Secret's value usually ends, with a line break the header must not have
    secret = MountedSecret.mount(dir.resolve("secret"), "token", "Bearer first\n");
  }

  @AfterEach
  void stop() throws Exception {
    if (runtime != null) {
      runtime.close();
    }
    tools.close();
  }

  @Test
  void theUpstreamGetsTheCredentialReadFromTheFileAndRefusesCallsWithoutIt() throws Exception {
    try (TestRuntime without = start("")) {
      HttpResponse<String> refused =
          new McpWire(without.uri("/mcp/tools"))
              .post(McpWire.initialize(1), McpWire.PRINCIPAL, "ann");
      // the client could fix nothing: the gateway's credentials are wrong, not the client's
      assertThat(refused.statusCode()).isEqualTo(502);
      assertThat(refused.headers().firstValue("www-authenticate")).isEmpty();
      JsonObject error = new JsonObject(refused.body()).getJsonObject("error");
      assertThat(error.getInteger("code")).isEqualTo(-32013);
      assertThat(error.getString("message"))
          .contains("'tools' refused the gateway's credentials (HTTP 401)");
    }
    assertThat(tools.refusedForCredentials()).isEqualTo(1);

    runtime = start(headerFrom(secret.file()));
    McpWire wire = new McpWire(runtime.uri("/mcp/tools"));
    String session = wire.open("ann");

    assertThat(text(wire.post(ECHO, McpWire.PRINCIPAL, "ann", McpWire.SESSION, session)))
        .isEqualTo("through");
    assertThat(tools.lastAuthorization()).hasValue("Bearer first");
    assertThat(tools.refusedForCredentials()).isEqualTo(1);
    assertThat(runtime.management("/metrics").body()).doesNotContain("Bearer");
  }

  @Test
  void aRotatedSecretReachesTheUpstreamWithoutARestart() throws Exception {
    runtime = start(headerFrom(secret.file()));
    McpWire wire = new McpWire(runtime.uri("/mcp/tools"));
    String session = wire.open("ann");

    tools.requireAuthorization("Bearer second");
    secret.update("Bearer second\n");

    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(wire.post(ECHO, McpWire.PRINCIPAL, "ann", McpWire.SESSION, session))
                    .extracting(HttpResponse::statusCode)
                    .isEqualTo(200));
    assertThat(tools.lastAuthorization()).hasValue("Bearer second");
    assertThat(tools.calls("echo")).isEqualTo(1);
  }

  @Test
  void aFileThatCannotBeReadAgainLeavesTheLastValueInUse() throws Exception {
    runtime = start(headerFrom(secret.file()));
    McpWire wire = new McpWire(runtime.uri("/mcp/tools"));
    String session = wire.open("ann");

    secret.breakLink();

    // over two of the runtime's checks of the file (every 2 s): the failed re-read changes nothing
    await()
        .during(Duration.ofSeconds(5))
        .atMost(WAIT)
        .until(
            () ->
                wire.post(ECHO, McpWire.PRINCIPAL, "ann", McpWire.SESSION, session).statusCode()
                    == 200);
    tools.requireAuthorization("Bearer third");
    secret.update("Bearer third");
    await()
        .atMost(WAIT)
        .until(
            () ->
                wire.post(ECHO, McpWire.PRINCIPAL, "ann", McpWire.SESSION, session).statusCode()
                    == 200);
    assertThat(tools.lastAuthorization()).hasValue("Bearer third");
  }

  @Test
  void aMissingFileStopsTheStartNamingTheHeader() {
    assertThatThrownBy(() -> start(headerFrom(dir.resolve("absent"))))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .hasMessageContaining("mcpServers[0].headers.Authorization: cannot read ")
        .hasMessageContaining("absent (NoSuchFileException)");
  }

  @Test
  void aFileWithALineBreakInsideStopsTheStartWithoutShowingTheValue() throws Exception {
    secret.update("Bearer first\nX-Injected: yes\n");

    assertThatThrownBy(() -> start(headerFrom(secret.file())))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .hasMessageContaining("mcpServers[0].headers.Authorization: the value in ")
        .hasMessageContaining("must not contain line breaks")
        .hasMessageNotContaining("Bearer");
  }

  /** The gateway's test configuration, its server {@code tools} with {@code headers}. */
  private TestRuntime start(String headers) throws Exception {
    return TestRuntime.start(
        dir,
        McpGatewayTest.config(tools, "20s") + headers,
        Map.of("tools.cedar", McpGatewayTest.POLICIES),
        Map.of());
  }

  private static String headerFrom(Path file) {
    return "    headers: {Authorization: {file: \"" + file + "\"}}\n";
  }

  private static String text(HttpResponse<String> answer) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return McpWire.message(answer)
        .getJsonObject("result")
        .getJsonArray("content")
        .getJsonObject(0)
        .getString("text");
  }
}
