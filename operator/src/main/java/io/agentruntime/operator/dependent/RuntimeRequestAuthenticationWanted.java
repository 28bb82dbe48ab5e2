package io.agentruntime.operator.dependent;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.render.AgentRuntimeRenderer;
import io.agentruntime.operator.render.RuntimeRequestAuthenticationRenderer;
import io.fabric8.istio.api.security.v1.RequestAuthentication;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/**
 * Reconcile precondition of the RequestAuthentication: the spec sets {@code mesh.authentication}.
 * When it no longer does, the workflow deletes the object applied for an earlier spec.
 */
public final class RuntimeRequestAuthenticationWanted
    implements Condition<RequestAuthentication, AgentRuntime> {

  @Override
  public boolean isMet(
      DependentResource<RequestAuthentication, AgentRuntime> dependent,
      AgentRuntime primary,
      Context<AgentRuntime> context) {
    return AgentRuntimeRenderer.usesMesh(primary.getSpec())
        && RuntimeRequestAuthenticationRenderer.authentication(primary).isPresent();
  }
}
