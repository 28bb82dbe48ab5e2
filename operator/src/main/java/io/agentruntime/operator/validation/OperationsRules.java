package io.agentruntime.operator.validation;

import io.agentruntime.operator.api.v1alpha1.AgentRuntimeSpec;
import io.agentruntime.operator.api.v1alpha1.AlertThresholds;
import io.agentruntime.operator.api.v1alpha1.FailoverSpec;
import io.agentruntime.operator.api.v1alpha1.TracingSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Multi-region failover (real, distinct regions), the order of the monitoring thresholds and a
 * tracing endpoint that parses as a URL, which the CRD schema cannot say; the schema states the
 * thresholds' and the sampling ratio's bounds.
 */
final class OperationsRules {

  private OperationsRules() {}

  static void check(AgentRuntimeSpec spec, FieldChecks checks) {
    checkFailover(spec.getFailover(), checks);
    if (spec.getMonitoring() != null && spec.getMonitoring().getThresholds() != null) {
      checkThresholds(spec.getMonitoring().getThresholds(), checks);
    }
    checkTracing(spec.getTracing(), checks);
  }

  /**
   * The collector's endpoint must parse as a URL; the schema states its form and the sampling
   * ratio's bounds.
   */
  private static void checkTracing(TracingSpec tracing, FieldChecks checks) {
    if (tracing != null && tracing.getEndpoint() != null) {
      IntentRules.checkUrl("spec.tracing.endpoint", tracing.getEndpoint(), checks);
    }
  }

  private static void checkFailover(FailoverSpec failover, FieldChecks checks) {
    if (failover == null) {
      return;
    }
    List<String> regions = failover.getRegions();
    if (regions == null) {
      return;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < regions.size(); i++) {
      String field = "spec.failover.regions[" + i + "]";
      String region = regions.get(i);
      if (region == null) {
        continue;
      }
      if (!GovernanceRules.REGION.matcher(region).matches()) {
        checks.fail(field, "'" + region + "' is not an AWS region such as us-east-1");
      } else if (!seen.add(region)) {
        checks.fail(field, "'" + region + "' is listed twice");
      }
    }
  }

  private static void checkThresholds(AlertThresholds thresholds, FieldChecks checks) {
    String field = "spec.monitoring.thresholds.";
    ordered(
        checks,
        field + "latencyP95CriticalMs",
        thresholds.getLatencyP95WarningMs(),
        thresholds.getLatencyP95CriticalMs(),
        "latencyP95WarningMs");
    ordered(
        checks,
        field + "firstByteP95CriticalMs",
        thresholds.getFirstByteP95WarningMs(),
        thresholds.getFirstByteP95CriticalMs(),
        "firstByteP95WarningMs");
    ordered(
        checks,
        field + "errorRateCriticalPercent",
        thresholds.getErrorRateWarningPercent(),
        thresholds.getErrorRateCriticalPercent(),
        "errorRateWarningPercent");
    ordered(
        checks,
        field + "availabilityWarningPercent",
        thresholds.getAvailabilityCriticalPercent(),
        thresholds.getAvailabilityWarningPercent(),
        "availabilityCriticalPercent");
  }

  /** Reports {@code field} when {@code lower} is set and exceeds {@code upper}. */
  private static void ordered(
      FieldChecks checks, String field, Number lower, Number upper, String lowerName) {
    if (lower != null && upper != null && lower.doubleValue() > upper.doubleValue()) {
      checks.fail(field, "must not be below " + lowerName + " (" + lower + ")");
    }
  }
}
