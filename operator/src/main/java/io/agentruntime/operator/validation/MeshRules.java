package io.agentruntime.operator.validation;

import io.agentruntime.operator.api.v1alpha1.CircuitBreakerSpec;
import io.agentruntime.operator.api.v1alpha1.MeshSpec;
import io.agentruntime.operator.api.v1alpha1.RetrySpec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Mesh timeouts, retries, circuit breaking and allowed callers. */
final class MeshRules {

  private static final String FIELD = "spec.mesh.";

  private MeshRules() {}

  static void check(MeshSpec mesh, FieldChecks checks) {
    if (mesh == null) {
      return;
    }
    Optional<Duration> timeout = checks.duration(FIELD + "timeout", mesh.getTimeout());
    checkRetries(mesh.getRetries(), timeout, checks);
    checkCircuitBreaker(mesh.getCircuitBreaker(), checks);
    List<String> principals = mesh.getAllowedPrincipals();
    for (int i = 0; principals != null && i < principals.size(); i++) {
      checks.required(FIELD + "allowedPrincipals[" + i + "]", principals.get(i));
    }
  }

  private static void checkRetries(
      RetrySpec retries, Optional<Duration> timeout, FieldChecks checks) {
    if (retries == null) {
      return;
    }
    checks.range(FIELD + "retries.attempts", retries.getAttempts(), 0, 10);
    Optional<Duration> perTry =
        checks.duration(FIELD + "retries.perTryTimeout", retries.getPerTryTimeout());
    if (perTry.isPresent() && timeout.isPresent() && perTry.get().compareTo(timeout.get()) > 0) {
      checks.fail(
          FIELD + "retries.perTryTimeout",
          "must not exceed spec.mesh.timeout (" + timeout.get().toMillis() + "ms)");
    }
    if (retries.getRetryOn() != null && retries.getRetryOn().isBlank()) {
      checks.fail(FIELD + "retries.retryOn", "must not be blank");
    }
  }

  private static void checkCircuitBreaker(CircuitBreakerSpec breaker, FieldChecks checks) {
    if (breaker == null) {
      return;
    }
    String field = FIELD + "circuitBreaker.";
    checks.range(field + "consecutive5xxErrors", breaker.getConsecutive5xxErrors(), 1, 1_000_000);
    checks.duration(field + "interval", breaker.getInterval());
    checks.duration(field + "baseEjectionTime", breaker.getBaseEjectionTime());
    checks.range(field + "maxEjectionPercent", breaker.getMaxEjectionPercent(), 0, 100);
    checks.range(field + "maxConnections", breaker.getMaxConnections(), 1, Integer.MAX_VALUE);
    checks.range(
        field + "maxPendingRequests", breaker.getMaxPendingRequests(), 1, Integer.MAX_VALUE);
  }
}
