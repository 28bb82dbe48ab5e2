package io.agentruntime.operator.validation;

import io.agentruntime.operator.api.v1alpha1.AgentRuntimeSpec;
import io.agentruntime.operator.api.v1alpha1.AlertThresholds;
import io.agentruntime.operator.api.v1alpha1.FailoverSpec;
import io.agentruntime.operator.api.v1alpha1.TracingSpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Multi-region failover and monitoring thresholds. */
final class OperationsRules {

  private OperationsRules() {}

  static void check(AgentRuntimeSpec spec, FieldChecks checks) {
    checkFailover(spec.getFailover(), checks);
    if (spec.getMonitoring() != null && spec.getMonitoring().getThresholds() != null) {
      checkThresholds(spec.getMonitoring().getThresholds(), checks);
    }
    checkTracing(spec.getTracing(), checks);
  }

  private static void checkTracing(TracingSpec tracing, FieldChecks checks) {
    if (tracing == null) {
      return;
    }
    String field = "spec.tracing.endpoint";
    if (checks.required(field, tracing.getEndpoint())) {
      try {
        URI endpoint = new URI(tracing.getEndpoint());
        if (!List.of("http", "https").contains(endpoint.getScheme())
            || endpoint.getHost() == null) {
          checks.fail(
              field, "must be an absolute http(s) URL, got '" + tracing.getEndpoint() + "'");
        }
      } catch (URISyntaxException e) {
        checks.fail(field, "'" + tracing.getEndpoint() + "' is not a URL: " + e.getReason());
      }
    }
    checks.range("spec.tracing.samplingRatio", tracing.getSamplingRatio(), 0, 1);
  }

  private static void checkFailover(FailoverSpec failover, FieldChecks checks) {
    if (failover == null) {
      return;
    }
    List<String> regions = failover.getRegions();
    if (regions == null || regions.isEmpty()) {
      checks.fail("spec.failover.regions", "at least one region is required");
      return;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < regions.size(); i++) {
      String field = "spec.failover.regions[" + i + "]";
      String region = regions.get(i);
      if (!checks.required(field, region)) {
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
    checks.range(
        field + "errorRateWarningPercent", thresholds.getErrorRateWarningPercent(), 0, 100);
    checks.range(
        field + "errorRateCriticalPercent", thresholds.getErrorRateCriticalPercent(), 0, 100);
    checks.range(
        field + "availabilityWarningPercent", thresholds.getAvailabilityWarningPercent(), 0, 100);
    checks.range(
        field + "availabilityCriticalPercent", thresholds.getAvailabilityCriticalPercent(), 0, 100);
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
