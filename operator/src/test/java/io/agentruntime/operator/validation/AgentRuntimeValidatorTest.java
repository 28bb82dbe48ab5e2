package io.agentruntime.operator.validation;

import static io.agentruntime.operator.render.AgentRuntimeFixtures.withSpec;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.render.AgentRuntimeFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AgentRuntimeValidatorTest {

  private static final String IMAGE = "image: ghcr.io/agentruntime/runtime:0.1.0\n";
  private static final String ECHO_INTENT =
      """
      intents:
        - name: ping
          backend: {echo: {}}
      """;

  @ParameterizedTest
  @MethodSource("io.agentruntime.operator.render.AgentRuntimeFixtures#exampleNames")
  void acceptsTheExamples(String example) {
    assertThat(AgentRuntimeValidator.validate(AgentRuntimeFixtures.example(example))).isEmpty();
  }

  @Test
  void rejectsNamesWhoseDerivedNamesWouldNotFit() {
    AgentRuntime cr = AgentRuntimeFixtures.minimal();
    cr.getMetadata().setName("a".repeat(52));

    assertThat(errors(cr)).singleElement().asString().startsWith("metadata.name: must be at most");
  }

  @Test
  void rejectsANonPositiveResourceQuantity() {
    assertThat(errors(withSpec(IMAGE + ECHO_INTENT + "resources: {requests: {cpu: \"0\"}}\n")))
        .containsExactly("spec.resources.requests.cpu: must be greater than zero, got 0");
  }

  @Test
  void namesTheIntentWithAMalformedTimeout() {
    String intents =
        """
        intents:
          - name: ping
            backend: {echo: {}}
          - name: slow
            backend: {echo: {}}
            timeout: 30 seconds
        """;

    assertThat(errors(withSpec(IMAGE + intents)))
        .containsExactly(
            "spec.intents[1].timeout: '30 seconds' is not a duration such as 250ms, 10s, 5m or 1h");
  }

  /** The runtime refuses zero stream bounds too: the ConfigMap would stop its pods starting. */
  @Test
  void refusesZeroStreamBounds() {
    String intents =
        """
        intents:
          - name: chat
            backend: {echo: {}}
            firstByteTimeout: 0s
            idleTimeout: 0ms
        """;

    assertThat(errors(withSpec(IMAGE + intents)))
        .containsExactly(
            "spec.intents[0].firstByteTimeout: must be greater than zero",
            "spec.intents[0].idleTimeout: must be greater than zero");
  }

  @Test
  void tracingNeedsAnEndpointThatParsesAsAUrl() {
    String intents =
        """
        intents:
          - name: ping
            backend: {echo: {}}
        tracing: {endpoint: "http://otel collector:4318"}
        """;

    assertThat(errors(withSpec(IMAGE + intents)))
        .singleElement()
        .asString()
        .startsWith("spec.tracing.endpoint: 'http://otel collector:4318' is not a URL");
  }

  /** The runtime refuses a zero timeout: its pods would never start. */
  @Test
  void refusesAZeroIntentTimeout() {
    String intents =
        """
        intents:
          - name: ping
            backend: {echo: {}}
            timeout: 0s
        """;

    assertThat(errors(withSpec(IMAGE + intents)))
        .containsExactly("spec.intents[0].timeout: must be greater than zero");
  }

  @Test
  void namesTheMcpServerAtFault() {
    String servers =
        """
        mcpServers:
          - name: github
            url: http://github-mcp:8080/mcp
          - name: docs
            url: /mcp
            timeout: 0s
        """;

    assertThat(errors(withSpec(IMAGE + ECHO_INTENT + servers)))
        .containsExactly(
            "spec.mcpServers[1].url: '/mcp' must be an absolute http:// or https:// URL",
            "spec.mcpServers[1].timeout: must be greater than zero");
  }

  @Test
  void requiresAnAbsoluteHttpUrl() {
    String intents =
        """
        intents:
          - name: relative
            backend: {url: /lookup}
          - name: ftp
            backend: {url: "ftp://files/lookup"}
        """;

    assertThat(errors(withSpec(IMAGE + intents)))
        .containsExactly(
            "spec.intents[0].backend.url: '/lookup' must be an absolute http:// or https:// URL",
            "spec.intents[1].backend.url: 'ftp://files/lookup' must be an absolute http:// or"
                + " https:// URL");
  }

  @Test
  void inferenceBackendNeedsAnInferencePool() {
    String intents =
        """
        intents:
          - name: call_reasoning
            backend: {inference: {}}
        """;

    assertThat(errors(withSpec(IMAGE + intents)))
        .containsExactly(
            "spec.intents[0].backend.inference: requires spec.inference (the inference pool to"
                + " call)");
  }

  @Test
  void governanceDurationsMustParseAndStalenessCoverTheRefresh() {
    assertThat(
            errors(
                withSpec(
                    IMAGE
                        + ECHO_INTENT
                        + "governance: {refreshInterval: 1m, maxStaleness: 30s}\n")))
        .containsExactly("spec.governance.maxStaleness: must be at least refreshInterval (1m)");
    assertThat(errors(withSpec(IMAGE + ECHO_INTENT + "governance: {refreshInterval: soon}\n")))
        .containsExactly(
            "spec.governance.refreshInterval: 'soon' is not a duration such as 250ms, 10s, 5m or"
                + " 1h");
  }

  @Test
  void inferencePoolNeedsEnoughGpusAndACache() {
    String inference =
        """
        inference:
          image: vllm/vllm-openai:v0.11.0
          model: m
          gpu: {count: 4}
          nodePool: {gpuLimit: 2}
          modelCache: {size: 0Gi}
        """;

    assertThat(errors(withSpec(IMAGE + ECHO_INTENT + inference)))
        .containsExactly(
            "spec.inference.nodePool.gpuLimit: must be at least the GPUs of one replica (4), got 2",
            "spec.inference.modelCache.size: must be greater than zero, got 0Gi");
  }

  @Test
  void meshRetriesMustFitTheTimeout() {
    String mesh =
        """
        mesh:
          timeout: 10s
          retries: {attempts: 2, perTryTimeout: 15s}
        """;

    assertThat(errors(withSpec(IMAGE + ECHO_INTENT + mesh)))
        .containsExactly(
            "spec.mesh.retries.perTryTimeout: must not exceed spec.mesh.timeout (10000ms)");
  }

  @Test
  void meshDurationsMustBeAtLeastAMillisecond() {
    String mesh =
        """
        mesh:
          timeout: 0s
          retries: {attempts: 2, perTryTimeout: 0ms}
          circuitBreaker: {interval: 0s, baseEjectionTime: 0m}
        """;

    assertThat(errors(withSpec(IMAGE + ECHO_INTENT + mesh)))
        .containsExactly(
            "spec.mesh.timeout: must be at least 1ms (Istio rejects shorter durations), got '0s'",
            "spec.mesh.retries.perTryTimeout: must be at least 1ms (Istio rejects shorter"
                + " durations), got '0ms'",
            "spec.mesh.circuitBreaker.interval: must be at least 1ms (Istio rejects shorter"
                + " durations), got '0s'",
            "spec.mesh.circuitBreaker.baseEjectionTime: must be at least 1ms (Istio rejects"
                + " shorter durations), got '0m'");
  }

  @Test
  void aOneMillisecondMeshTimeoutIsAccepted() {
    String mesh =
        """
        mesh:
          timeout: 1ms
          retries: {attempts: 1, perTryTimeout: 1ms}
          circuitBreaker: {interval: 1ms, baseEjectionTime: 1ms}
        """;

    assertThat(errors(withSpec(IMAGE + ECHO_INTENT + mesh))).isEmpty();
  }

  @Test
  void failoverRegionsMustBeRealAndDistinct() {
    assertThat(
            errors(
                withSpec(
                    IMAGE + ECHO_INTENT + "failover: {regions: [us-east-1, us-east-1, mars]}\n")))
        .containsExactly(
            "spec.failover.regions[1]: 'us-east-1' is listed twice",
            "spec.failover.regions[2]: 'mars' is not an AWS region such as us-east-1");
  }

  @Test
  void alertThresholdsMustBeOrdered() {
    String monitoring =
        """
        monitoring:
          thresholds:
            latencyP95WarningMs: 2000
            latencyP95CriticalMs: 1000
            availabilityWarningPercent: 99.0
            availabilityCriticalPercent: 99.5
        """;

    assertThat(errors(withSpec(IMAGE + ECHO_INTENT + monitoring)))
        .containsExactly(
            "spec.monitoring.thresholds.latencyP95CriticalMs: must not be below"
                + " latencyP95WarningMs (2000)",
            "spec.monitoring.thresholds.availabilityWarningPercent: must not be below"
                + " availabilityCriticalPercent (99.5)");
  }

  @Test
  void reportsEveryProblemAtOnce() {
    String spec =
        """
        image: "ghcr.io/agentruntime/runtime: 0.1.0"
        intents:
          - name: ping
            backend: {inference: {}}
        governance: {refreshInterval: 1m, maxStaleness: 30s}
        """;

    assertThat(errors(withSpec(spec)))
        .containsExactly(
            "spec.image: must not contain whitespace",
            "spec.intents[0].backend.inference: requires spec.inference (the inference pool to"
                + " call)",
            "spec.governance.maxStaleness: must be at least refreshInterval (1m)");
  }

  private static List<String> errors(AgentRuntime cr) {
    return AgentRuntimeValidator.validate(cr).stream().map(ValidationError::toString).toList();
  }
}
