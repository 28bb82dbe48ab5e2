package io.agentruntime.operator.validation;

import io.agentruntime.operator.api.v1alpha1.AgentRuntimeSpec;
import io.agentruntime.operator.api.v1alpha1.AlertThresholds;
import io.agentruntime.operator.api.v1alpha1.FailoverSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Multi-region failover (real, distinct regions) and the order of the monitoring thresholds, which
 * the CRD schema cannot say; the schema states the thresholds' bounds.
 */
final class OperationsRules {

  private OperationsRules() {}

  static void check(AgentRuntimeSpec spec, FieldChecks checks) {
    checkFailover(spec.getFailover(), checks);
    if (spec.getMonitoring() != null && spec.getMonitoring().getThresholds() != null) {
      checkThresholds(spec.getMonitoring().getThresholds(), checks);
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
