package io.agentruntime.operator.render;

import io.agentruntime.governance.Durations;
import io.agentruntime.operator.api.v1alpha1.AgentRuntimeSpec;
import io.agentruntime.operator.api.v1alpha1.MeshSpec;
import io.agentruntime.operator.api.v1alpha1.MtlsMode;
import io.agentruntime.operator.api.v1alpha1.RetrySpec;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The mesh's handling of the runtime's traffic with every default applied.
 *
 * @param timeout the overall request timeout: the spec's, else the longest intent timeout plus
 *     {@link AgentRuntimeDefaults#MESH_TIMEOUT_MARGIN}, at least {@link
 *     AgentRuntimeDefaults#MESH_TIMEOUT}
 * @param retryAttempts retries after the first attempt
 * @param perTryTimeout the timeout of each attempt: the spec's, else the overall timeout. The
 *     default retry conditions follow only failures before the runtime got the request, which come
 *     at once, so one attempt may take the whole budget; a shorter one would cut slow intents off.
 * @param retryOn the retry conditions
 * @param mtls mutual TLS mode of the runtime's workload
 * @param circuitBreaker the client proxies' connection limits and outlier detection
 */
public record MeshSettings(
    String timeout,
    int retryAttempts,
    String perTryTimeout,
    RetryConditions retryOn,
    MtlsMode mtls,
    CircuitBreakerSettings circuitBreaker) {

  static MeshSettings of(AgentRuntimeSpec spec, List<EffectiveSpec.Intent> intents) {
    Optional<MeshSpec> mesh = Optional.ofNullable(spec.getMesh());
    Optional<RetrySpec> retries = mesh.map(MeshSpec::getRetries);
    String timeout = mesh.map(MeshSpec::getTimeout).orElseGet(() -> outlasting(intents));
    return new MeshSettings(
        timeout,
        retries.map(RetrySpec::getAttempts).orElse(AgentRuntimeDefaults.RETRY_ATTEMPTS),
        retries.map(RetrySpec::getPerTryTimeout).orElse(timeout),
        RetryConditions.parse(
            retries.map(RetrySpec::getRetryOn).orElse(AgentRuntimeDefaults.RETRY_ON)),
        mesh.map(MeshSpec::getMtls).orElse(AgentRuntimeDefaults.MTLS_MODE),
        CircuitBreakerSettings.of(mesh.map(MeshSpec::getCircuitBreaker).orElse(null)));
  }

  /** A timeout that outlasts every intent's by the margin, at least the default. */
  private static String outlasting(List<EffectiveSpec.Intent> intents) {
    Duration longest =
        intents.stream()
            .map(intent -> Durations.parse(intent.timeout()).orElse(Duration.ZERO))
            .max(Comparator.naturalOrder())
            .orElse(Duration.ZERO);
    Duration outlasting = longest.plus(AgentRuntimeDefaults.MESH_TIMEOUT_MARGIN);
    Duration floor = Durations.parse(AgentRuntimeDefaults.MESH_TIMEOUT).orElseThrow();
    return Durations.format(outlasting.compareTo(floor) > 0 ? outlasting : floor);
  }
}
