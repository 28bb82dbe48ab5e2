package io.agentruntime.operator.dependent;

import io.agentruntime.operator.addon.ScaledObject;
import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/**
 * Reconcile precondition of KEDA's ScaledObject: an inference pool, created only once the
 * operator's HPA of the pool is gone ({@link AutoscalerHandover}), since KEDA's webhook refuses a
 * ScaledObject whose Deployment another HPA targets.
 */
public final class InferenceScaledObjectWanted implements Condition<ScaledObject, AgentRuntime> {

  @Override
  public boolean isMet(
      DependentResource<ScaledObject, AgentRuntime> dependent,
      AgentRuntime primary,
      Context<AgentRuntime> context) {
    return AutoscalerHandover.scaledObjectWanted(primary, context);
  }
}
