package io.agentruntime.operator.dependent;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.render.InferenceAuthorizationPolicyRenderer;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/**
 * Reconcile precondition of the model servers' AuthorizationPolicy: the spec has an inference
 * section and puts the runtime in the mesh. When it no longer does, the policy is deleted.
 */
public final class InferenceAuthorizationPolicyWanted
    implements Condition<AuthorizationPolicy, AgentRuntime> {

  @Override
  public boolean isMet(
      DependentResource<AuthorizationPolicy, AgentRuntime> dependent,
      AgentRuntime primary,
      Context<AgentRuntime> context) {
    return InferenceAuthorizationPolicyRenderer.render(primary).isPresent();
  }
}
