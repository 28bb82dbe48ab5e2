package io.agentruntime.operator.reconciler;

import io.agentruntime.operator.addon.AddOn;
import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.api.v1alpha1.VolumeAccessMode;
import io.agentruntime.operator.render.ResourceNames;
import io.agentruntime.operator.status.AddOnCrd;
import io.agentruntime.operator.status.InferenceOutcome;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the inference pool's state: its model servers' Deployment, and the add-ons it would use but
 * cannot: Karpenter for its NodePool, KEDA for its autoscaling.
 */
final class InferenceObservations {

  private InferenceObservations() {}

  /**
   * @param inferenceDeployment the model servers' Deployment, as last observed
   * @param addOns what became of the add-ons' objects
   */
  static InferenceOutcome observe(
      AgentRuntime cr,
      Context<AgentRuntime> context,
      Optional<Deployment> inferenceDeployment,
      AddOnObservations addOns) {
    if (cr.getSpec().getInference() == null) {
      return InferenceOutcome.NOT_REQUESTED;
    }
    var observed = inferenceDeployment.map(Deployment::getStatus).orElseGet(DeploymentStatus::new);
    List<AddOnCrd> unusable = new ArrayList<>(addOns.of(AddOn.KARPENTER).skipped());
    // Without KEDA an HPA scales the pool, as intended; a KEDA the operator cannot use is news.
    addOns.of(AddOn.KEDA).skipped().stream()
        .filter(crd -> crd.state() != AddOnCrd.State.MISSING)
        .forEach(unusable::add);
    return new InferenceOutcome(
        true,
        Objects.requireNonNullElse(observed.getReplicas(), 0),
        Objects.requireNonNullElse(observed.getReadyReplicas(), 0),
        unusable,
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
