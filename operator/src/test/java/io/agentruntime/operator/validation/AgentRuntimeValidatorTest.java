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
  void requiresAnImage() {
    assertThat(errors(withSpec(ECHO_INTENT))).containsExactly("spec.image: is required");
  }

  @Test
  void requiresASpec() {
    AgentRuntime cr = AgentRuntimeFixtures.minimal();
    cr.setSpec(null);

    assertThat(errors(cr)).containsExactly("spec: is required");
  }

  @Test
  void rejectsNamesWhoseDerivedNamesWouldNotFit() {
    AgentRuntime cr = AgentRuntimeFixtures.minimal();
    cr.getMetadata().setName("a".repeat(52));

    assertThat(errors(cr)).singleElement().asString().startsWith("metadata.name: must be at most");
  }

  @Test
  void rejectsMinimumAboveMaximum() {
    assertThat(errors(withSpec(IMAGE + ECHO_INTENT + "replicas: {min: 5, max: 3}\n")))
        .containsExactly("spec.replicas: min (5) must not exceed max (3)");
  }

  @Test
  void rejectsReplicaBoundsOutOfRange() {
    assertThat(errors(withSpec(IMAGE + ECHO_INTENT + "replicas: {min: 0}\n")))
        .containsExactly("spec.replicas.min: must be between 1 and 1000, got 0");
  }

  @Test
  void rejectsACpuTargetAbove100Percent() {
    assertThat(errors(withSpec(IMAGE + ECHO_INTENT + "autoscaling: {targetCPUUtilization: 150}\n")))
        .containsExactly(
            "spec.autoscaling.targetCPUUtilization: must be between 1 and 100, got 150");
  }

  @Test
  void rejectsANonPositiveResourceQuantity() {
    assertThat(errors(withSpec(IMAGE + ECHO_INTENT + "resources: {requests: {cpu: \"0\"}}\n")))
        .containsExactly("spec.resources.requests.cpu: must be greater than zero, got 0");
  }

  @Test
  void requiresAnIntent() {
    assertThat(errors(withSpec(IMAGE + "intents: []\n")))
        .containsExactly("spec.intents: at least one intent is required");
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
  void tracingNeedsAnHttpEndpointAndARatioOfAtMostOne() {
    String intents =
        """
        intents:
          - name: ping
            backend: {echo: {}}
        tracing: {endpoint: "otel-collector:4317", samplingRatio: 2}
        """;

    assertThat(errors(withSpec(IMAGE + intents)))
        .containsExactly(
            "spec.tracing.endpoint: must be an absolute http(s) URL, got 'otel-collector:4317'",
            "spec.tracing.samplingRatio: must be between 0 and 1, got 2.0");
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
  void rejectsInvalidAndDuplicateIntentNames() {
    String intents =
        """
        intents:
          - name: ping
            backend: {echo: {}}
          - name: ping
            backend: {echo: {}}
          - name: "call reasoning"
            backend: {echo: {}}
        """;

    assertThat(errors(withSpec(IMAGE + intents)))
        .containsExactly(
            "spec.intents[1].name: 'ping' is already used by another intent",
            "spec.intents[2].name: 'call reasoning' must be 1-64 letters, digits, '_', '.' or '-'");
  }

  @Test
  void namesTheMcpServerAtFault() {
    String servers =
        """
        mcpServers:
          - name: github
            url: http://github-mcp:8080/mcp
          - name: github
            url: http://other:8080/mcp
          - name: Docs
            url: /mcp
            timeout: 0s
        """;

    assertThat(errors(withSpec(IMAGE + ECHO_INTENT + servers)))
        .containsExactly(
            "spec.mcpServers[1].name: 'github' is already used by another MCP server",
            "spec.mcpServers[2].name: 'Docs' must be a DNS label (a-z, 0-9, '-')",
            "spec.mcpServers[2].url: '/mcp' must be an absolute http:// or https:// URL",
            "spec.mcpServers[2].timeout: must be greater than zero");
  }

  @Test
  void requiresExactlyOneBackendPerIntent() {
    String intents =
        """
        intents:
          - name: both
            backend: {echo: {}, url: "http://tools:8080"}
          - name: none
            backend: {}
        """;

    assertThat(errors(withSpec(IMAGE + intents)))
        .containsExactly(
            "spec.intents[0].backend: set exactly one of url, inference or echo, found 2",
            "spec.intents[1].backend: set exactly one of url, inference or echo, found 0");
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
  void dynamoDbStoreNeedsATableAndARealRegion() {
    assertThat(
            errors(
                withSpec(
                    IMAGE
                        + ECHO_INTENT
                        + "governance: {store: {dynamodb: {table: '', region: Virginia}}}\n")))
        .containsExactly(
            "spec.governance.store.dynamodb.table: is required",
            "spec.governance.store.dynamodb.region: 'Virginia' is not an AWS region such as"
                + " us-east-1");
  }

  @Test
  void anInferencePriceIsADecimalString() {
    String intents =
        """
        intents:
          - name: call_reasoning
            backend: {inference: {price: {promptPerMillion: "0.15 USD"}}}
        inference: {image: vllm/vllm-openai:v0.11.0, model: m}
        """;

    assertThat(errors(withSpec(IMAGE + intents)))
        .containsExactly(
            "spec.intents[0].backend.inference.price.promptPerMillion: '0.15 USD' must be dollars"
                + " such as \"0.15\" (a decimal string)",
            "spec.intents[0].backend.inference.price.completionPerMillion: is required");
  }

  @Test
  void inferencePoolNeedsImageModelAndEnoughGpus() {
    String inference =
        """
        inference:
          gpu: {count: 4}
          nodePool: {gpuLimit: 2}
          modelCache: {size: 0Gi}
        """;

    assertThat(errors(withSpec(IMAGE + ECHO_INTENT + inference)))
        .containsExactly(
            "spec.inference.image: is required",
            "spec.inference.model: is required",
            "spec.inference.nodePool.gpuLimit: must be at least the GPUs of one replica (4), got 2",
            "spec.inference.modelCache.size: must be greater than zero, got 0Gi");
  }

  @Test
  void onlyTheInferencePoolMayScaleToZero() {
    String pool =
        """
        inference:
          image: vllm/vllm-openai:v0.11.0
          model: m
          replicas: {min: 0, max: 2}
        """;

    assertThat(errors(withSpec(IMAGE + ECHO_INTENT + pool))).isEmpty();
    assertThat(errors(withSpec(IMAGE + ECHO_INTENT + "replicas: {min: 0}\n")))
        .containsExactly("spec.replicas.min: must be between 1 and 1000, got 0");
    assertThat(errors(withSpec(IMAGE + ECHO_INTENT + pool.replace("max: 2", "max: 101"))))
        .containsExactly("spec.inference.replicas.max: must be between 1 and 100, got 101");
  }

  @Test
  void meshRetriesMustFitTheTimeout() {
    String mesh =
        """
        mesh:
          timeout: 10s
          retries: {attempts: 20, perTryTimeout: 15s}
          circuitBreaker: {maxEjectionPercent: 150}
        """;

    assertThat(errors(withSpec(IMAGE + ECHO_INTENT + mesh)))
        .containsExactly(
            "spec.mesh.retries.attempts: must be between 0 and 10, got 20",
            "spec.mesh.retries.perTryTimeout: must not exceed spec.mesh.timeout (10000ms)",
            "spec.mesh.circuitBreaker.maxEjectionPercent: must be between 0 and 100, got 150");
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
        replicas: {min: 5, max: 3}
        intents:
          - name: ping
            backend: {}
        """;

    assertThat(errors(withSpec(spec)))
        .containsExactly(
            "spec.image: is required",
            "spec.replicas: min (5) must not exceed max (3)",
            "spec.intents[0].backend: set exactly one of url, inference or echo, found 0");
  }

  private static List<String> errors(AgentRuntime cr) {
    return AgentRuntimeValidator.validate(cr).stream().map(ValidationError::toString).toList();
  }
}
