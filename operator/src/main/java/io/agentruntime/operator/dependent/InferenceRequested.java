package io.agentruntime.operator.dependent;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/**
 * Reconcile precondition of the inference dependents: the spec has an {@code inference} section.
 * When it no longer does, the workflow deletes the pool's objects.
 *
 * @param <R> the dependent's kind
 */
public final class InferenceRequested<R extends HasMetadata> implements Condition<R, AgentRuntime> {

  @Override
  public boolean isMet(
      DependentResource<R, AgentRuntime> dependent,
      AgentRuntime primary,
      Context<AgentRuntime> context) {
    return primary.getSpec().getInference() != null;
  }
}
