package io.agentruntime.operator.dependent;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.render.RuntimeAuthorizationPolicyRenderer;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/**
 * Reconcile precondition of the AuthorizationPolicy: its renderer produces one, that is {@code
 * spec.mesh.allowedPrincipals} lists at least one principal. Without, an existing policy is
 * deleted: an empty ALLOW policy would deny every call.
 */
public final class AllowedPrincipalsListed implements Condition<AuthorizationPolicy, AgentRuntime> {

  @Override
  public boolean isMet(
      DependentResource<AuthorizationPolicy, AgentRuntime> dependent,
      AgentRuntime primary,
      Context<AgentRuntime> context) {
    return RuntimeAuthorizationPolicyRenderer.render(primary).isPresent();
  }
}
