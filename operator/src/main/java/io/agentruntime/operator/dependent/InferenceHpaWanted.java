package io.agentruntime.operator.dependent;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/**
 * Reconcile precondition of the model servers' HPA: an inference pool on a cluster without KEDA,
 * created only once the HPA KEDA made is gone ({@link AutoscalerHandover}). Once KEDA is installed
 * this HPA is deleted, and its ScaledObject takes over when it is gone.
 */
public final class InferenceHpaWanted implements Condition<HorizontalPodAutoscaler, AgentRuntime> {

  @Override
  public boolean isMet(
      DependentResource<HorizontalPodAutoscaler, AgentRuntime> dependent,
      AgentRuntime primary,
      Context<AgentRuntime> context) {
    return AutoscalerHandover.hpaWanted(primary, context);
  }
}
