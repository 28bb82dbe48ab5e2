package io.agentruntime.operator.crd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentruntime.contract.config.AsyncIntentConfig;
import io.agentruntime.contract.config.McpServerConfig;
import io.agentruntime.governance.Durations;
import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.api.v1alpha1.AgentRuntimeSpec;
import io.agentruntime.operator.api.v1alpha1.AsyncQueueSpec;
import io.agentruntime.operator.api.v1alpha1.AsyncSpec;
import io.agentruntime.operator.api.v1alpha1.InferenceSpec;
import io.agentruntime.operator.api.v1alpha1.IntentSpec;
import io.agentruntime.operator.api.v1alpha1.RateLimitKey;
import io.agentruntime.operator.api.v1alpha1.TracingSpec;
import io.agentruntime.operator.render.AgentRuntimeDefaults;
import io.agentruntime.operator.render.AgentRuntimeFixtures;
import io.agentruntime.operator.render.AlertThresholdValues;
import io.agentruntime.operator.render.AsyncDefaults;
import io.agentruntime.operator.render.AsyncSettings;
import io.agentruntime.operator.render.CircuitBreakerSettings;
import io.agentruntime.operator.render.EffectiveSpec;
import io.agentruntime.operator.render.InferenceDefaults;
import io.agentruntime.operator.render.InferenceSettings;
import io.agentruntime.operator.render.PolicyDocumentRenderer;
import io.agentruntime.operator.render.RuntimeRequestAuthenticationRenderer;
import io.agentruntime.operator.store.GovernanceStore;
import io.agentruntime.operator.validation.AgentRuntimeValidator;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Every default a CRD states as a value ({@code Default 60.}, {@code Default Enforce.}: what {@code
 * kubectl explain} shows) is the value the operator uses for a field left out: for each such field
 * the code's default is computed (on an empty spec where the default is applied inline, else its
 * constant) and compared with the documented text, numerically where both are numbers. A default
 * stated in prose ({@code Default: the pod's region}) is behaviour, not a value, and is left to the
 * tests of that behaviour; a new value default without an entry here fails.
 */
class DocumentedDefaultsTest {

  /** {@code Default <value>.}, the value one word without spaces. */
  private static final Pattern STATED =
      Pattern.compile("(?<![A-Za-z])Default:? (\\S+?)\\.(?:\\s|$)");

  /** More GPUs than the rule could ever ask of one replica (the schema allows 16). */
  private static final int GPUS_PER_NODE_POOL = 64;

  private static final AgentRuntimeSpec EMPTY = new AgentRuntimeSpec();
  private static final InferenceSpec NO_INFERENCE_FIELDS = new InferenceSpec();

  /** The default the code applies, by the field's path in the CRD. */
  private static final Map<String, Supplier<Object>> AGENT_RUNTIME = agentRuntimeDefaults();

  private static final Map<String, Supplier<Object>> GOVERNANCE_POLICY =
      Map.of(
          "spec.mode", () -> PolicyDocumentRenderer.DEFAULT_MODE.value(),
          "spec.rateLimit.key", () -> PolicyDocumentRenderer.DEFAULT_RATE_LIMIT_KEY.value(),
          "spec.tokenBudget.key", () -> RateLimitKey.DEFAULT.value(),
          "spec.costBudget.key", () -> RateLimitKey.DEFAULT.value());

  @Test
  void agentRuntimeDefaultsAreTheOnesDocumented() {
    assertDocumentedDefaults(CrdFiles.AGENT_RUNTIMES, AGENT_RUNTIME);
  }

  @Test
  void governancePolicyDefaultsAreTheOnesDocumented() {
    assertDocumentedDefaults(CrdFiles.GOVERNANCE_POLICIES, GOVERNANCE_POLICY);
  }

  /**
   * The gpuLimit rule (a pool may not hold fewer GPUs than one replica) reads one replica's GPUs
   * with {@code gpu.count} left out as the documented default: the least limit it accepts.
   */
  @Test
  void theGpuLimitRuleAssumesTheDocumentedGpuCount() {
    String stated = documented(CrdFiles.AGENT_RUNTIMES).get("spec.inference.gpu.count");
    int leastAccepted =
        IntStream.rangeClosed(0, GPUS_PER_NODE_POOL)
            .filter(
                limit ->
                    AgentRuntimeValidator.validate(
                            AgentRuntimeFixtures.withSpec(
                                AgentRuntimeFixtures.MODEL_POOL
                                    + "  nodePool: {gpuLimit: "
                                    + limit
                                    + "}\n"))
                        .isEmpty())
            .findFirst()
            .orElseThrow();

    assertThat(same(stated, leastAccepted))
        .as(
            "spec.inference.gpu.count documents Default %s; the gpuLimit rule uses %s",
            stated, leastAccepted)
        .isTrue();
  }

  private static void assertDocumentedDefaults(Path file, Map<String, Supplier<Object>> defaults) {
    Map<String, String> documented = documented(file);

    assertThat(documented.keySet())
        .as("fields of %s documenting a default value", file.getFileName())
        .containsExactlyInAnyOrderElementsOf(defaults.keySet());
    documented.forEach(
        (path, text) ->
            assertThat(same(text, defaults.get(path).get()))
                .as(
                    "%s documents Default %s; the code uses %s",
                    path, text, defaults.get(path).get())
                .isTrue());
  }

  /** The default each field of {@code file}'s schema states as a value, by the field's path. */
  private static Map<String, String> documented(Path file) {
    Map<String, String> documented = new LinkedHashMap<>();
    JsonNode schema = CrdSchemaWalk.versionSchema(CrdFiles.read(file), OwnCrds.VERSION);
    CrdSchemaWalk.visit(
        schema,
        visit -> {
          Matcher stated = STATED.matcher(visit.node().schema().path("description").asText());
          if (stated.find()) {
            documented.put(visit.path(), stated.group(1));
          }
        });
    return documented;
  }

  private static boolean same(String documented, Object used) {
    String value = String.valueOf(used);
    if (documented.equals(value)) {
      return true;
    }
    try {
      return new BigDecimal(documented).compareTo(new BigDecimal(value)) == 0;
    } catch (NumberFormatException notNumbers) {
      return false;
    }
  }

  private static Map<String, Supplier<Object>> agentRuntimeDefaults() {
    Map<String, Supplier<Object>> defaults = new LinkedHashMap<>();
    AgentRuntime async = optionalSectionsLeftEmpty();
    EffectiveSpec.Intent intent = EffectiveSpec.of(async.getSpec()).intents().getFirst();
    defaults.put("spec.async.queue.create", () -> AsyncDefaults.createsQueue(async));
    AsyncSettings workers = EffectiveSpec.of(async.getSpec()).asyncSettings();
    defaults.put(
        "spec.async.queue.visibilityTimeout", () -> Durations.format(workers.visibilityTimeout()));
    defaults.put("spec.async.workers.max", workers::maxWorkers);
    defaults.put("spec.async.workers.messagesPerWorker", workers::messagesPerWorker);
    defaults.put("spec.async.workers.min", () -> workers.minWorkers(true));
    AsyncIntentConfig intentAsync = intent.async();
    defaults.put("spec.intents[*].async.maxAttempts", intentAsync::maxAttempts);
    defaults.put(
        "spec.intents[*].async.resultTtl", () -> Durations.format(intentAsync.resultTtl()));
    defaults.put("spec.intents[*].async.timeout", () -> Durations.format(intentAsync.timeout()));
    defaults.put(
        "spec.autoscaling.scaleDownStabilizationSeconds",
        () -> EffectiveSpec.of(EMPTY).scaling().scaleDownStabilizationSeconds());
    defaults.put(
        "spec.autoscaling.scaleUpStabilizationSeconds",
        () -> EffectiveSpec.of(EMPTY).scaling().scaleUpStabilizationSeconds());
    defaults.put(
        "spec.autoscaling.targetCPUUtilization",
        () -> EffectiveSpec.of(EMPTY).scaling().targetCpuUtilization());
    defaults.put(
        "spec.governance.maxStaleness", () -> EffectiveSpec.of(EMPTY).governance().maxStaleness());
    defaults.put("spec.governance.mode", () -> EffectiveSpec.of(EMPTY).governance().mode().value());
    defaults.put(
        "spec.governance.refreshInterval",
        () -> EffectiveSpec.of(EMPTY).governance().refreshInterval());
    defaults.put(
        "spec.governance.store.dynamodb.createTable",
        () -> GovernanceStore.createsTable(emptyAgentRuntime()));
    defaults.put(
        "spec.inference.gpu.capacityType",
        () -> InferenceSettings.of(NO_INFERENCE_FIELDS).capacityType().value());
    defaults.put(
        "spec.inference.gpu.count",
        () -> InferenceSettings.of(NO_INFERENCE_FIELDS).gpusPerReplica());
    defaults.put(
        "spec.inference.metricsScraper.namespace",
        () -> InferenceSettings.of(NO_INFERENCE_FIELDS).metricsNamespace());
    defaults.put(
        "spec.inference.nodePool.create",
        () -> InferenceSettings.of(NO_INFERENCE_FIELDS).createsNodePool());
    defaults.put(
        "spec.inference.nodePool.nodeClassName",
        () -> InferenceSettings.of(NO_INFERENCE_FIELDS).nodeClassName());
    defaults.put(
        "spec.inference.replicas.max",
        () -> InferenceSettings.of(NO_INFERENCE_FIELDS).maxReplicas());
    defaults.put(
        "spec.inference.replicas.min",
        () -> InferenceSettings.of(NO_INFERENCE_FIELDS).minReplicas());
    defaults.put(
        "spec.inference.runAsRoot", () -> InferenceSettings.of(NO_INFERENCE_FIELDS).runAsRoot());
    defaults.put("spec.inference.upgrade", () -> InferenceDefaults.UPGRADE.value());
    defaults.put("spec.intents[*].timeout", intent::timeout);
    defaults.put("spec.intents[*].firstByteTimeout", intent::firstByteTimeout);
    defaults.put("spec.intents[*].idleTimeout", intent::idleTimeout);
    defaults.put(
        "spec.tracing.samplingRatio",
        () -> EffectiveSpec.of(async.getSpec()).tracing().orElseThrow().samplingRatio());
    defaults.put(
        "spec.mcpServers[*].timeout", () -> McpServerConfig.DEFAULT_TIMEOUT.toSeconds() + "s");
    defaults.put(
        "spec.mesh.authentication.principalClaim",
        () -> RuntimeRequestAuthenticationRenderer.DEFAULT_PRINCIPAL_CLAIM);
    CircuitBreakerSettings breaker = EffectiveSpec.of(EMPTY).mesh().circuitBreaker();
    defaults.put("spec.mesh.circuitBreaker.baseEjectionTime", breaker::baseEjectionTime);
    defaults.put(
        "spec.mesh.circuitBreaker.consecutiveLocalOriginFailures",
        breaker::consecutiveLocalOriginFailures);
    defaults.put("spec.mesh.circuitBreaker.interval", breaker::interval);
    defaults.put("spec.mesh.circuitBreaker.maxConnections", breaker::maxConnections);
    defaults.put("spec.mesh.circuitBreaker.maxEjectionPercent", breaker::maxEjectionPercent);
    defaults.put("spec.mesh.circuitBreaker.maxPendingRequests", breaker::maxPendingRequests);
    defaults.put("spec.mesh.mtls", () -> EffectiveSpec.of(EMPTY).mesh().mtls().value());
    defaults.put(
        "spec.mesh.retries.attempts", () -> EffectiveSpec.of(EMPTY).mesh().retryAttempts());
    defaults.put("spec.mesh.retries.retryOn", () -> AgentRuntimeDefaults.RETRY_ON);
    defaults.put("spec.monitoring.alerts", () -> EffectiveSpec.of(EMPTY).monitoring().alerts());
    defaults.put(
        "spec.monitoring.serviceMonitor",
        () -> EffectiveSpec.of(EMPTY).monitoring().serviceMonitor());
    defaults.put(
        "spec.monitoring.thresholds.availabilityCriticalPercent",
        () -> AlertThresholdValues.AVAILABILITY_CRITICAL_PERCENT);
    defaults.put(
        "spec.monitoring.thresholds.availabilityWarningPercent",
        () -> AlertThresholdValues.AVAILABILITY_WARNING_PERCENT);
    defaults.put(
        "spec.monitoring.thresholds.errorRateCriticalPercent",
        () -> AlertThresholdValues.ERROR_RATE_CRITICAL_PERCENT);
    defaults.put(
        "spec.monitoring.thresholds.errorRateWarningPercent",
        () -> AlertThresholdValues.ERROR_RATE_WARNING_PERCENT);
    defaults.put(
        "spec.monitoring.thresholds.firstByteP95CriticalMs",
        () -> AlertThresholdValues.FIRST_BYTE_P95_CRITICAL_MS);
    defaults.put(
        "spec.monitoring.thresholds.firstByteP95WarningMs",
        () -> AlertThresholdValues.FIRST_BYTE_P95_WARNING_MS);
    defaults.put(
        "spec.monitoring.thresholds.latencyP95CriticalMs",
        () -> AlertThresholdValues.LATENCY_P95_CRITICAL_MS);
    defaults.put(
        "spec.monitoring.thresholds.latencyP95WarningMs",
        () -> AlertThresholdValues.LATENCY_P95_WARNING_MS);
    return defaults;
  }

  /** An AgentRuntime whose {@code async} section sets nothing but its queue's URL. */
  /** A runtime with every optional section that has defaults of its own, each left empty. */
  private static AgentRuntime optionalSectionsLeftEmpty() {
    AgentRuntime cr = emptyAgentRuntime();
    AsyncQueueSpec queue = new AsyncQueueSpec();
    queue.setUrl("https://sqs.us-east-1.amazonaws.com/123456789012/dispatches");
    AsyncSpec async = new AsyncSpec();
    async.setQueue(queue);
    cr.getSpec().setAsync(async);
    cr.getSpec().setIntents(List.of(new IntentSpec()));
    TracingSpec tracing = new TracingSpec();
    tracing.setEndpoint("http://otel-collector.observability:4318");
    cr.getSpec().setTracing(tracing);
    return cr;
  }

  private static AgentRuntime emptyAgentRuntime() {
    AgentRuntime cr = new AgentRuntime();
    cr.setSpec(new AgentRuntimeSpec());
    return cr;
  }
}
