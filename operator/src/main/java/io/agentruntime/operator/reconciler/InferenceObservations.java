package io.agentruntime.operator.reconciler;

import io.agentruntime.operator.addon.NodePool;
import io.agentruntime.operator.addon.ScaledObject;
import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.api.v1alpha1.VolumeAccessMode;
import io.agentruntime.operator.dependent.CrdInstalled;
import io.agentruntime.operator.dependent.GpuNodePoolDependentResource;
import io.agentruntime.operator.render.InferenceDefaults;
import io.agentruntime.operator.render.ResourceNames;
import io.agentruntime.operator.status.AddOnCrd;
import io.agentruntime.operator.status.InferenceOutcome;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.WorkflowReconcileResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads the inference pool's state: its model servers' Deployment, whether its NodePool was
 * applied, and the add-ons (Karpenter, KEDA) it would use but cannot.
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
    List<AddOnCrd> unusable = new ArrayList<>();
    if (InferenceDefaults.createsNodePool(inference) && !nodePoolApplied) {
      unusable.add(CrdInstalled.availability(context.getClient(), NodePool.class));
    }
    // Without KEDA an HPA scales the pool, as intended; a KEDA the operator cannot use is news.
    AddOnCrd keda = CrdInstalled.availability(context.getClient(), ScaledObject.class);
    if (keda.state() != AddOnCrd.State.MISSING) {
      unusable.add(keda);
    }
    return new InferenceOutcome(
        true,
        Objects.requireNonNullElse(observed.getReplicas(), 0),
        Objects.requireNonNullElse(observed.getReadyReplicas(), 0),
        unusable.stream().filter(crd -> !crd.usable()).toList(),
        sharedCachePending(cr, context));
  }

  /** Whether the model cache claim asks for ReadWriteMany and is still Pending. */
  private static boolean sharedCachePending(AgentRuntime cr, Context<AgentRuntime> context) {
    return context
        .getSecondaryResourcesAsStream(PersistentVolumeClaim.class)
        .filter(claim -> ResourceNames.modelCache(cr).equals(claim.getMetadata().getName()))
        .anyMatch(
            claim ->
                claim.getStatus() != null
                    && "Pending".equals(claim.getStatus().getPhase())
                    && claim
                        .getSpec()
                        .getAccessModes()
                        .contains(VolumeAccessMode.READ_WRITE_MANY.value()));
  }
}
