package io.agentruntime.operator.validation;

import io.agentruntime.operator.api.v1alpha1.AgentRuntimeSpec;
import io.agentruntime.operator.api.v1alpha1.AutoscalingSpec;
import io.agentruntime.operator.api.v1alpha1.RuntimeResources;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Map;

/** The runtime workload: image, replica bounds, resources and autoscaling. */
final class WorkloadRules {

  private WorkloadRules() {}

  static void check(AgentRuntimeSpec spec, FieldChecks checks) {
    if (checks.required("spec.image", spec.getImage()) && spec.getImage().matches(".*\\s.*")) {
      checks.fail("spec.image", "must not contain whitespace");
    }
    checks.replicaBounds("spec.replicas", spec.getReplicas());
    checkResources(spec.getResources(), checks);
    checkAutoscaling(spec.getAutoscaling(), checks);
  }

  private static void checkResources(RuntimeResources resources, FieldChecks checks) {
    if (resources == null) {
      return;
    }
    checkQuantities("spec.resources.requests", resources.getRequests(), checks);
    checkQuantities("spec.resources.limits", resources.getLimits(), checks);
  }

  private static void checkQuantities(
      String field, Map<String, Quantity> quantities, FieldChecks checks) {
    if (quantities != null) {
      quantities.forEach((name, value) -> checks.positiveQuantity(field + "." + name, value));
    }
  }

  private static void checkAutoscaling(AutoscalingSpec autoscaling, FieldChecks checks) {
    if (autoscaling == null) {
      return;
    }
    String field = "spec.autoscaling.";
    checks.range(field + "targetCPUUtilization", autoscaling.getTargetCPUUtilization(), 1, 100);
    checks.range(
        field + "scaleUpStabilizationSeconds",
        autoscaling.getScaleUpStabilizationSeconds(),
        0,
        3600);
    checks.range(
        field + "scaleDownStabilizationSeconds",
        autoscaling.getScaleDownStabilizationSeconds(),
        0,
        3600);
  }
}
