package io.agentruntime.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code render} refuses an MCP server's header the API server would refuse, naming the header's
 * field: the CRD's schema and CEL rules on {@code spec.mcpServers[].headers}, evaluated.
 */
class McpHeaderSchemaCheckTest {

  private static final String SERVER =
      """
      apiVersion: agentruntime.io/v1alpha1
      kind: AgentRuntime
      metadata: {name: checked, namespace: agents}
      spec:
        image: ghcr.io/agentruntime/runtime:0.1.0
        intents: [{name: ping, backend: {echo: {}}}]
        mcpServers:
          - name: github
            url: http://github-mcp:8080/mcp
            headers:
      """;

  private static final String SECRET = "{secretKeyRef: {name: github-mcp, key: token}}";

  static Stream<Arguments> refused() {
    return Stream.of(
        refused(
            "{name: Authorization, value: x, valueFrom: " + SECRET + "}",
            "spec.mcpServers[0].headers[0]: Invalid value: exactly one of value or valueFrom must be set"),
        refused(
            "{name: Authorization}",
            "spec.mcpServers[0].headers[0]: Invalid value: exactly one of value or valueFrom must be set"),
        refused(
            "{name: \"X Token\", value: x}",
            "spec.mcpServers[0].headers[0].name: Invalid value: \"X Token\": does not match the"
                + " regex pattern"),
        refused(
            "{name: Host, value: evil.example}",
            "spec.mcpServers[0].headers[0].name: Invalid value: \"Host\": must not be a header the"
                + " gateway sets itself or a hop-by-hop one: 'accept',"),
        refused(
            "{name: Mcp-Session-Id, value: s}",
            "spec.mcpServers[0].headers[0].name: Invalid value: \"Mcp-Session-Id\": must not be a"
                + " header the gateway sets itself"),
        refused(
            "{name: Content-Length, value: \"0\"}",
            "spec.mcpServers[0].headers[0].name: Invalid value: \"Content-Length\": must not be a"
                + " header the gateway sets itself"),
        refused(
            "{name: Authorization, value: a}, {name: authorization, value: b}",
            "spec.mcpServers[0].headers: Invalid value: header names must be unique, whatever their case"),
        refused(
            "{name: Authorization, value: a}, {name: Authorization, value: b}",
            "spec.mcpServers[0].headers[1]: Duplicate value: {\"name\":\"Authorization\"}"),
        refused(
            "{name: X-Tenant, value: \"a\\r\\nHost: evil\"}",
            "spec.mcpServers[0].headers[0].value: Invalid value: "),
        refused(
            "{name: Authorization, valueFrom: {secretKeyRef: {name: github-mcp}}}",
            "spec.mcpServers[0].headers[0].valueFrom.secretKeyRef.key: Required value"),
        refused(
            "{name: Authorization, valueFrom: {secretKeyRef: {name: GitHub, key: token}}}",
            "spec.mcpServers[0].headers[0].valueFrom.secretKeyRef.name: Invalid value: \"GitHub\""),
        refused(
            "{name: Authorization, valueFrom: {secretKeyRef: {name: g, key: t, optional: true}}}",
            "spec.mcpServers[0].headers[0].valueFrom.secretKeyRef.optional: unknown field"),
        refused(
            IntStream.range(0, 17)
                .mapToObj(i -> "{name: X-H" + i + ", value: v}")
                .collect(Collectors.joining(", ")),
            "must have at most 16 items but found 17"));
  }

  private static Arguments refused(String headers, String refusal) {
    return Arguments.of(headers, refusal);
  }

  @ParameterizedTest
  @MethodSource("refused")
  void refusesAHeaderTheApiServerWouldNamingItsField(String headers, String refusal) {
    RenderRun result = RenderRun.of(SERVER + "        [" + headers + "]\n", "-f", "-");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).contains(refusal);
  }

  @ParameterizedTest
  @MethodSource("admitted")
  void admitsAHeaderFromASecretAndOneWrittenOut(String headers) {
    RenderRun result = RenderRun.of(SERVER + "        [" + headers + "]\n", "-f", "-");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("mcp-headers").doesNotContain("secretKeyRef");
  }

  static Stream<String> admitted() {
    return Stream.of(
        "{name: Authorization, valueFrom: " + SECRET + "}, {name: X-Tenant, value: agents}",
        "{name: authorization, valueFrom: " + SECRET + "}, {name: X-Team, value: \"a\\tb\"}");
  }
}
