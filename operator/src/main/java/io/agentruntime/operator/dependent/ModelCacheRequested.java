package io.agentruntime.operator.dependent;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** Reconcile precondition of the model cache: the inference section asks for one. */
public final class ModelCacheRequested implements Condition<PersistentVolumeClaim, AgentRuntime> {

  @Override
  public boolean isMet(
      DependentResource<PersistentVolumeClaim, AgentRuntime> dependent,
      AgentRuntime primary,
      Context<AgentRuntime> context) {
    var inference = primary.getSpec().getInference();
    return inference != null && inference.getModelCache() != null;
  }
}
