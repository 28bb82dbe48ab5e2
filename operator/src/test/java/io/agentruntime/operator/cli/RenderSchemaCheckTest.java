package io.agentruntime.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentruntime.operator.render.AgentRuntimeFixtures;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code render} refuses what the API server would, naming the field as the API server does: one
 * input per kind of schema rule, and one per rule the Java validator leaves to the CRD schema (a
 * bound, pattern, size, required field or CEL rule the schema states).
 */
class RenderSchemaCheckTest {

  private static final String HEADER = header("AgentRuntime");
  private static final String POLICY_HEADER = header("GovernancePolicy");

  private static final String IMAGE = "  image: ghcr.io/agentruntime/runtime:0.1.0\n";
  private static final String ECHO = "  intents: [{name: ping, backend: {echo: {}}}]\n";
  private static final String POOL =
      "  inference: {image: vllm/vllm-openai:v0.11.0, model: m, replicas: {min: 0, max: 2}}\n";

  static Stream<String> examples() {
    return AgentRuntimeFixtures.exampleNames().stream();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleRenders(String example) {
    String file = Path.of("..", "examples", example + ".yaml").toString();

    RenderRun result = RenderRun.of("", "-f", file);

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isNotEmpty();
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        // type
        refused(
            IMAGE + ECHO + "  replicas: {min: two}\n",
            "spec.replicas.min: Invalid value: \"two\": string found, integer expected"),
        // required
        refused(ECHO, "spec.image: Required value"),
        refused(IMAGE + ECHO + "  inference: {model: m}\n", "spec.inference.image: Required value"),
        refused(
            IMAGE + ECHO + "  governance: {store: {dynamodb: {region: us-east-1}}}\n",
            "spec.governance.store.dynamodb.table: Required value"),
        refused(
            IMAGE + ECHO + "  mcpServers: [{name: github}]\n",
            "spec.mcpServers[0].url: Required value"),
        refused(
            IMAGE + ECHO + "  mesh: {authentication: {issuer: https://idp}}\n",
            "spec.mesh.authentication.jwksUri: Required value"),
        // enum
        refused(
            IMAGE + ECHO + "  mesh: {mtls: DISABLE}\n",
            "spec.mesh.mtls: Unsupported value: \"DISABLE\": supported values: \"PERMISSIVE\","
                + " \"STRICT\""),
        // minimum and maximum
        refused(
            IMAGE + ECHO + "  replicas: {min: 0}\n",
            "spec.replicas.min: Invalid value: 0: must have a minimum value of 1"),
        refused(
            IMAGE + ECHO + "  autoscaling: {targetCPUUtilization: 150}\n",
            "spec.autoscaling.targetCPUUtilization: Invalid value: 150: must have a maximum value"
                + " of 100"),
        refused(
            IMAGE + ECHO + POOL.replace("max: 2", "max: 101"),
            "spec.inference.replicas.max: Invalid value: 101"),
        refused(
            IMAGE + ECHO + POOL.replace("}}\n", "}, gpu: {count: 17}}\n"),
            "spec.inference.gpu.count: Invalid value: 17"),
        refused(
            IMAGE + ECHO + "  mesh: {retries: {attempts: 20}}\n",
            "spec.mesh.retries.attempts: Invalid value: 20"),
        refused(
            IMAGE + ECHO + "  mesh: {circuitBreaker: {maxEjectionPercent: 150}}\n",
            "spec.mesh.circuitBreaker.maxEjectionPercent: Invalid value: 150"),
        refused(
            IMAGE + ECHO + "  monitoring: {thresholds: {errorRateWarningPercent: 101}}\n",
            "spec.monitoring.thresholds.errorRateWarningPercent: Invalid value: 101"),
        // pattern
        refused(
            IMAGE + "  intents: [{name: \"call reasoning\", backend: {echo: {}}}]\n",
            "spec.intents[0].name: Invalid value: \"call reasoning\": does not match the regex"
                + " pattern"),
        refused(
            IMAGE + ECHO + "  mcpServers: [{name: Docs, url: \"http://docs:8080/mcp\"}]\n",
            "spec.mcpServers[0].name: Invalid value: \"Docs\": does not match the regex pattern"),
        refused(
            IMAGE + ECHO + "  governance: {store: {dynamodb: {table: t, region: Virginia}}}\n",
            "spec.governance.store.dynamodb.table: Invalid value: \"t\""),
        refused(
            IMAGE
                + ECHO
                + "  governance: {store: {dynamodb: {table: policies, region: Virginia}}}\n",
            "spec.governance.store.dynamodb.region: Invalid value: \"Virginia\": does not match"),
        refused(
            IMAGE
                + ECHO
                + "  mesh: {authentication: {issuer: i, jwksUri: \"http://keys\", audiences: [a]}}\n",
            "spec.mesh.authentication.jwksUri: Invalid value: \"http://keys\": does not match"),
        refused(
            IMAGE + "  intents: [{name: ping, backend: {echo: {}}, timeout: 30 seconds}]\n",
            "spec.intents[0].timeout: Invalid value: \"30 seconds\": does not match the regex"),
        // minItems and maxItems
        refused(IMAGE + "  intents: []\n", "spec.intents: Invalid value: []: must have at least 1"),
        refused(
            IMAGE
                + ECHO
                + "  mesh: {authentication: {issuer: i, jwksUri: \"https://keys\", audiences: []}}\n",
            "spec.mesh.authentication.audiences: Invalid value: []"),
        refused(
            IMAGE + ECHO + "  failover: {regions: []}\n",
            "spec.failover.regions: Invalid value: []"),
        refused(
            IMAGE
                + IntStream.range(0, 129)
                    .mapToObj(i -> "{name: i" + i + ", backend: {echo: {}}}")
                    .collect(Collectors.joining(", ", "  intents: [", "]\n")),
            "spec.intents: Invalid value: "),
        // uniqueness of a map list's keys
        refused(
            IMAGE
                + "  intents: [{name: ping, backend: {echo: {}}}, {name: ping, backend: {echo: {}}}]\n",
            "spec.intents[1]: Duplicate value: {\"name\":\"ping\"}"),
        refused(
            IMAGE
                + ECHO
                + "  mcpServers: [{name: a, url: \"http://a\"}, {name: a, url: \"http://b\"}]\n",
            "spec.mcpServers[1]: Duplicate value: {\"name\":\"a\"}"),
        // CEL rules
        refused(
            IMAGE + ECHO + "  replicas: {min: 5, max: 3}\n",
            "spec.replicas: Invalid value: min must not exceed max"),
        refused(
            IMAGE + ECHO + POOL.replace("min: 0, max: 2", "min: 3, max: 2"),
            "spec.inference.replicas: Invalid value: min must not exceed max"),
        refused(
            IMAGE + "  intents: [{name: both, backend: {echo: {}, url: \"http://tools:8080\"}}]\n",
            "spec.intents[0].backend: Invalid value: exactly one of url, inference or echo must be set"),
        // unknown field
        refused(IMAGE + ECHO + "  replica: {min: 2}\n", "spec.replica: unknown field"));
  }

  private static final String RUNTIME = "  runtime: support\n";
  private static final String PERMIT = "  cedar: permit(principal, action, resource);\n";

  /**
   * What the GovernancePolicy validator leaves to the CRD schema, refused as the API server would.
   */
  static Stream<Arguments> refusedPolicies() {
    return Stream.of(
        refused(PERMIT, "spec.runtime: Required value"),
        refused(RUNTIME, "spec.cedar: Required value"),
        refused(
            "  runtime: Support_Bot\n" + PERMIT,
            "spec.runtime: Invalid value: \"Support_Bot\": does not match the regex pattern"),
        refused(
            RUNTIME + PERMIT + "  rateLimit: {requests: 0, per: 1m}\n",
            "spec.rateLimit.requests: Invalid value: 0: must have a minimum value of 1"),
        refused(
            RUNTIME + PERMIT + "  rateLimit: {per: 1m}\n",
            "spec.rateLimit.requests: Required value"),
        refused(
            RUNTIME + PERMIT + "  tokenBudget: {per: 1d}\n",
            "spec.tokenBudget.tokens: Required value"),
        refused(
            RUNTIME + PERMIT + "  costBudget: {usd: \"12.5 USD\", per: 1mo}\n",
            "spec.costBudget.usd: Invalid value: \"12.5 USD\": does not match the regex pattern"));
  }

  @ParameterizedTest
  @MethodSource("refusedPolicies")
  void refusesThePolicyFieldsTheSchemaBounds(String spec, String refusal) {
    RenderRun result = RenderRun.of(POLICY_HEADER + spec, "-f", "-");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
    assertThat(result.err()).contains("(GovernancePolicy agents/checked)", refusal);
  }

  /** The lines of a resource {@code agents/checked} of {@code kind} up to {@code spec:}. */
  private static String header(String kind) {
    return "apiVersion: agentruntime.io/v1alpha1\nkind: "
        + kind
        + "\nmetadata: {name: checked, namespace: agents}\nspec:\n";
  }

  private static Arguments refused(String spec, String refusal) {
    return Arguments.of(spec, refusal);
  }

  @ParameterizedTest
  @MethodSource("refused")
  void refusesWhatTheApiServerWouldNamingTheField(String spec, String refusal) {
    RenderRun result = RenderRun.of(HEADER + spec, "-f", "-");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).contains(refusal);
  }
}
