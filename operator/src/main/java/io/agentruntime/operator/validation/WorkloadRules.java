package io.agentruntime.operator.validation;

import io.agentruntime.operator.api.v1alpha1.AgentRuntimeSpec;
import io.agentruntime.operator.api.v1alpha1.RuntimeResources;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Map;

/**
 * The runtime workload: what the CRD schema cannot say of the image and the resources. The schema
 * states the replica and autoscaling bounds (and, in CEL, min not above max).
 */
final class WorkloadRules {

  private WorkloadRules() {}

  static void check(AgentRuntimeSpec spec, FieldChecks checks) {
    if (spec.getImage() != null && spec.getImage().matches(".*\\s.*")) {
      checks.fail("spec.image", "must not contain whitespace");
    }
    checkResources(spec.getResources(), checks);
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
}
