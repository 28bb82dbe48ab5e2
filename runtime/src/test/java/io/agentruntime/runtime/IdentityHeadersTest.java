package io.agentruntime.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * In mesh mode a caller must not become someone else through the identity headers: groups come only
 * from a header the configuration names as mesh-provided, repeated identity headers are refused,
 * and values are read as UTF-8 so a policy about {@code josé} holds for {@code josé}.
 */
class IdentityHeadersTest {

  private static final String POLICIES =
      """
      @id("allow-known-callers")
      permit (principal, action, resource);

      @id("restrict-data-export")
      forbid (principal, action == Action::"export_customer_data", resource)
      unless { principal in Group::"data-stewards" };

      @id("block-jose")
      forbid (principal == User::"josé", action, resource);
      """;

  private static final String EXPORT = "{\"intent\": \"export_customer_data\"}";

  @TempDir static Path dir;
  private static TestRuntime mesh;
  private static TestRuntime meshWithGroups;

  @BeforeAll
  static void start() throws Exception {
    mesh = start("mesh", TestRuntime.MESH_MODE);
    meshWithGroups =
        start("groups", "identity: {localMode: false, groupsHeader: x-agent-groups}\n");
  }

  private static TestRuntime start(String name, String identity) throws Exception {
    return TestRuntime.start(
        Files.createDirectories(dir.resolve(name)),
        TestRuntime.baseConfig(identity) + TestRuntime.ECHO_INTENTS,
        Map.of("policies.cedar", POLICIES),
        Map.of());
  }

  @AfterAll
  static void stop() throws Exception {
    mesh.close();
    meshWithGroups.close();
  }

  @AfterEach
  void bothStillServe() throws Exception {
    mesh.assertStillServes();
    meshWithGroups.assertStillServes();
  }

  @Test
  void aCallerCannotChooseItsGroupsUnlessTheMeshProvidesThem() throws Exception {
    String[] headers = {"x-agent-principal", "mallory", "x-agent-groups", "staff, data-stewards"};

    JsonObject denied = ProblemAssert.isProblem(mesh.post("/dispatch", EXPORT, headers), "denied");

    assertThat(denied.getJsonArray("policies")).containsExactly("restrict-data-export");
    assertThat(meshWithGroups.post("/dispatch", EXPORT, headers).statusCode()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"x-agent-principal", "X-Agent-Groups", "idempotency-key"})
  void aRepeatedIdentityHeaderIsRefusedByName(String header) throws Exception {
    RawConnection.Response response =
        RawConnection.exchange(
            meshWithGroups.port(),
            post(
                EXPORT,
                "x-agent-principal: ann\r\n"
                    + "x-agent-groups: staff\r\n"
                    + "idempotency-key: k-1\r\n"
                    + header
                    + ": data-stewards\r\n"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.problem("invalid-header").getString("detail"))
        .contains("'" + header.toLowerCase(java.util.Locale.ROOT) + "'", "2 times");
  }

  @Test
  void aUtf8SubjectReachesCedarUnchanged() throws Exception {
    RawConnection.Response jose =
        RawConnection.exchange(mesh.port(), post(EXPORT, "x-agent-principal: josé\r\n"));
    RawConnection.Response ascii =
        RawConnection.exchange(mesh.port(), post(EXPORT, "x-agent-principal: jose\r\n"));

    assertThat(jose.problem("denied").getJsonArray("policies")).contains("block-jose");
    assertThat(ascii.problem("denied").getJsonArray("policies"))
        .containsExactly("restrict-data-export");
  }

  @Test
  void theDecisionNamesTheUtf8Principal() throws Exception {
    RawConnection.Response response =
        RawConnection.exchange(
            mesh.port(),
            post("{\"intent\": \"call_reasoning\"}", "x-agent-principal: zoë\r\n")
                .replace("/dispatch", "/v1/decisions"));

    assertThat(new JsonObject(response.body()).getString("principal")).isEqualTo("zoë");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"invalid UTF-8", "C1 control character"})
  void anUnreadablePrincipalIsRefused(String kind) throws Exception {
    byte[] value =
        kind.equals("invalid UTF-8")
            ? new byte[] {'j', 'o', (byte) 0xC3, '(', 'x'}
            : new byte[] {'a', (byte) 0xC2, (byte) 0x85, 'b'};
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    String[] around = post(EXPORT, "x-agent-principal: \u0000\r\n").split("\u0000");
    request.writeBytes(around[0].getBytes(StandardCharsets.UTF_8));
    request.writeBytes(value);
    request.writeBytes(around[1].getBytes(StandardCharsets.UTF_8));

    try (RawConnection connection = RawConnection.open(mesh.port())) {
      RawConnection.Response response = connection.send(request.toByteArray()).read();

      assertThat(response.status()).isEqualTo(400);
      assertThat(response.problem("invalid-header").getString("detail"))
          .contains("'x-agent-principal'");
    }
  }

  /** A complete HTTP/1.1 POST of {@code body} to /dispatch with the extra header lines given. */
  static String post(String body, String headerLines) {
    return "POST /dispatch HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/json\r\n"
        + "content-length: "
        + body.getBytes(StandardCharsets.UTF_8).length
        + "\r\n"
        + headerLines
        + "\r\n"
        + body;
  }
}
