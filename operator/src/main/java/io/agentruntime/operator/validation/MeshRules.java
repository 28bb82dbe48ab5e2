package io.agentruntime.operator.validation;

import io.agentruntime.operator.api.v1alpha1.CircuitBreakerSpec;
import io.agentruntime.operator.api.v1alpha1.MeshAuthenticationSpec;
import io.agentruntime.operator.api.v1alpha1.MeshSpec;
import io.agentruntime.operator.api.v1alpha1.RetrySpec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Mesh timeouts, retries, circuit breaking and allowed callers. */
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
    checkCircuitBreaker(mesh.getCircuitBreaker(), checks);
    List<String> principals = mesh.getAllowedPrincipals();
    for (int i = 0; principals != null && i < principals.size(); i++) {
      checks.required(FIELD + "allowedPrincipals[" + i + "]", principals.get(i));
    }
    checkAuthentication(mesh.getAuthentication(), checks);
  }

  /**
   * The token rule Istio needs: an issuer, keys fetched over https (the keys decide who anyone is),
   * and at least one audience, so a token issued for another service is refused.
   */
  private static void checkAuthentication(MeshAuthenticationSpec auth, FieldChecks checks) {
    if (auth == null) {
      return;
    }
    String field = FIELD + "authentication.";
    checks.required(field + "issuer", auth.getIssuer());
    if (checks.required(field + "jwksUri", auth.getJwksUri())
        && !auth.getJwksUri().startsWith("https://")) {
      checks.fail(field + "jwksUri", "must be an https URL, got '" + auth.getJwksUri() + "'");
    }
    List<String> audiences = auth.getAudiences();
    if (audiences == null || audiences.isEmpty()) {
      checks.fail(field + "audiences", "must name at least one audience");
    }
    for (int i = 0; audiences != null && i < audiences.size(); i++) {
      checks.required(field + "audiences[" + i + "]", audiences.get(i));
    }
  }

  private static void checkRetries(
      RetrySpec retries, Optional<Duration> timeout, FieldChecks checks) {
    if (retries == null) {
      return;
    }
    checks.range(FIELD + "retries.attempts", retries.getAttempts(), 0, 10);
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

  private static void checkCircuitBreaker(CircuitBreakerSpec breaker, FieldChecks checks) {
    if (breaker == null) {
      return;
    }
    String field = FIELD + "circuitBreaker.";
    checks.range(
        field + "consecutiveLocalOriginFailures",
        breaker.getConsecutiveLocalOriginFailures(),
        1,
        1_000_000);
    istioDuration(field + "interval", breaker.getInterval(), checks);
    istioDuration(field + "baseEjectionTime", breaker.getBaseEjectionTime(), checks);
    checks.range(field + "maxEjectionPercent", breaker.getMaxEjectionPercent(), 0, 100);
    checks.range(field + "maxConnections", breaker.getMaxConnections(), 1, Integer.MAX_VALUE);
    checks.range(
        field + "maxPendingRequests", breaker.getMaxPendingRequests(), 1, Integer.MAX_VALUE);
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
