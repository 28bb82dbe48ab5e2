package io.agentruntime.operator.reconciler;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.dependent.GpuNodePoolDependentResource;
import io.agentruntime.operator.render.InferenceDefaults;
import io.agentruntime.operator.render.ResourceNames;
import io.agentruntime.operator.status.InferenceOutcome;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.WorkflowReconcileResult;
import java.util.Objects;

/**
 * Reads the inference pool's state: its model servers' Deployment and whether its NodePool was
 * applied.
 */
final class InferenceObservations {

  private InferenceObservations() {}

  static InferenceOutcome observe(
      AgentRuntime cr, Context<AgentRuntime> context, WorkflowReconcileResult result) {
    var inference = cr.getSpec().getInference();
    if (inference == null) {
      return InferenceOutcome.NOT_REQUESTED;
    }
    var observed =
        AgentRuntimeReconciler.deployment(context, ResourceNames.inference(cr))
            .map(Deployment::getStatus)
            .orElseGet(DeploymentStatus::new);
    boolean nodePoolApplied =
        result.getReconciledDependents().stream()
            .map(DependentResource::name)
            .anyMatch(GpuNodePoolDependentResource.NAME::equals);
    return new InferenceOutcome(
        true,
        Objects.requireNonNullElse(observed.getReplicas(), 0),
        Objects.requireNonNullElse(observed.getReadyReplicas(), 0),
        InferenceDefaults.createsNodePool(inference) && !nodePoolApplied);
  }
}
