package io.agentruntime.operator.render;

import io.agentruntime.operator.api.v1alpha1.CircuitBreakerSpec;
import java.util.Optional;
import java.util.function.Function;

/**
 * The circuit breaker in front of the runtime with every default applied: the client proxies'
 * connection limits and their outlier detection.
 *
 * @param consecutiveLocalOriginFailures consecutive failures of a pod itself that eject it
 * @param interval how often pods are analysed for ejection
 * @param baseEjectionTime minimum ejection duration
 * @param maxEjectionPercent largest share of pods that may be ejected, in percent
 * @param maxConnections most TCP connections per client proxy
 * @param maxPendingRequests most requests queued per client proxy
 */
public record CircuitBreakerSettings(
    int consecutiveLocalOriginFailures,
    String interval,
    String baseEjectionTime,
    int maxEjectionPercent,
    int maxConnections,
    int maxPendingRequests) {

  /** The settings of {@code spec}, which may be null, with defaults for what it leaves out. */
  static CircuitBreakerSettings of(CircuitBreakerSpec spec) {
    return new CircuitBreakerSettings(
        field(spec, CircuitBreakerSpec::getConsecutiveLocalOriginFailures)
            .orElse(AgentRuntimeDefaults.CONSECUTIVE_LOCAL_ORIGIN_FAILURES),
        field(spec, CircuitBreakerSpec::getInterval).orElse(AgentRuntimeDefaults.OUTLIER_INTERVAL),
        field(spec, CircuitBreakerSpec::getBaseEjectionTime)
            .orElse(AgentRuntimeDefaults.BASE_EJECTION_TIME),
        field(spec, CircuitBreakerSpec::getMaxEjectionPercent)
            .orElse(AgentRuntimeDefaults.MAX_EJECTION_PERCENT),
        field(spec, CircuitBreakerSpec::getMaxConnections)
            .orElse(AgentRuntimeDefaults.MAX_CONNECTIONS),
        field(spec, CircuitBreakerSpec::getMaxPendingRequests)
            .orElse(AgentRuntimeDefaults.MAX_PENDING_REQUESTS));
  }

  private static <T> Optional<T> field(
      CircuitBreakerSpec spec, Function<CircuitBreakerSpec, T> getter) {
    return Optional.ofNullable(spec).map(getter);
  }
}
