package io.agentruntime.operator.dependent;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.render.AgentRuntimeRenderer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/**
 * Reconcile precondition of the Istio dependents: the spec sets {@code mesh} or {@code failover}.
 * When it no longer does, the workflow deletes the objects applied for an earlier spec.
 *
 * @param <R> the Istio kind
 */
public final class MeshRequested<R extends HasMetadata> implements Condition<R, AgentRuntime> {

  @Override
  public boolean isMet(
      DependentResource<R, AgentRuntime> dependent,
      AgentRuntime primary,
      Context<AgentRuntime> context) {
    return AgentRuntimeRenderer.usesMesh(primary.getSpec());
  }
}
