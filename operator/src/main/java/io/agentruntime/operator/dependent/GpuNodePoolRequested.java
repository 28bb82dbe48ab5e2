package io.agentruntime.operator.dependent;

import io.agentruntime.operator.addon.NodePool;
import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.render.InferenceDefaults;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/**
 * Reconcile precondition of the GPU NodePool: an inference section whose {@code nodePool.create} is
 * not false. When that stops being true the reconciler deletes the NodePool.
 */
public final class GpuNodePoolRequested implements Condition<NodePool, AgentRuntime> {

  @Override
  public boolean isMet(
      DependentResource<NodePool, AgentRuntime> dependent,
      AgentRuntime primary,
      Context<AgentRuntime> context) {
    return isRequested(primary);
  }

  /** Whether {@code cr}'s spec asks for a NodePool. */
  public static boolean isRequested(AgentRuntime cr) {
    var inference = cr.getSpec().getInference();
    return inference != null && InferenceDefaults.createsNodePool(inference);
  }
}
