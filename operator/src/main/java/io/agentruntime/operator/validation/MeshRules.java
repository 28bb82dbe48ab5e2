package io.agentruntime.operator.validation;

import io.agentruntime.operator.api.v1alpha1.CircuitBreakerSpec;
import io.agentruntime.operator.api.v1alpha1.MeshSpec;
import io.agentruntime.operator.api.v1alpha1.RetrySpec;
import java.time.Duration;
import java.util.Optional;

/**
 * Mesh timeouts and retries: Istio's shortest duration and a per-try timeout within the overall
 * one, which the CRD schema cannot say. The schema states the durations' form, the retry and
 * circuit breaker bounds and the token rule's required fields and patterns.
 */
final class MeshRules {

  private static final String FIELD = "spec.mesh.";

  /** Istio's validation refuses any duration shorter than a millisecond. */
  private static final Duration ISTIO_MINIMUM = Duration.ofMillis(1);

  private MeshRules() {}

  static void check(MeshSpec mesh, FieldChecks checks) {
    if (mesh == null) {
      return;
    }
    Optional<Duration> timeout = istioDuration(FIELD + "timeout", mesh.getTimeout(), checks);
    checkRetries(mesh.getRetries(), timeout, checks);
    CircuitBreakerSpec breaker = mesh.getCircuitBreaker();
    if (breaker != null) {
      istioDuration(FIELD + "circuitBreaker.interval", breaker.getInterval(), checks);
      istioDuration(
          FIELD + "circuitBreaker.baseEjectionTime", breaker.getBaseEjectionTime(), checks);
    }
  }

  private static void checkRetries(
      RetrySpec retries, Optional<Duration> timeout, FieldChecks checks) {
    if (retries == null) {
      return;
    }
    Optional<Duration> perTry =
        istioDuration(FIELD + "retries.perTryTimeout", retries.getPerTryTimeout(), checks);
    if (perTry.isPresent() && timeout.isPresent() && perTry.get().compareTo(timeout.get()) > 0) {
      checks.fail(
          FIELD + "retries.perTryTimeout",
          "must not exceed spec.mesh.timeout (" + timeout.get().toMillis() + "ms)");
    }
    if (retries.getRetryOn() != null && retries.getRetryOn().isBlank()) {
      checks.fail(FIELD + "retries.retryOn", "must not be blank");
    }
  }

  /**
   * Parses a duration rendered into an Istio object; empty when absent, malformed or too short for
   * Istio (each reported), so no follow-on check compares against it.
   */
  private static Optional<Duration> istioDuration(String field, String value, FieldChecks checks) {
    Optional<Duration> parsed = checks.duration(field, value);
    if (parsed.isPresent() && parsed.get().compareTo(ISTIO_MINIMUM) < 0) {
      checks.fail(
          field, "must be at least 1ms (Istio rejects shorter durations), got '" + value + "'");
      return Optional.empty();
    }
    return parsed;
  }
}
