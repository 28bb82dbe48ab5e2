package io.agentruntime.operator.dependent;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.render.RuntimeAuthorizationPolicyRenderer;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/**
 * Reconcile precondition of the runtime's AuthorizationPolicy: its renderer produces one, that is
 * {@code spec.mesh} lists allowed principals or sets authentication. Without, an existing policy is
 * deleted: an ALLOW policy without a rule for the API would deny every call.
 */
public final class RuntimeAuthorizationPolicyWanted
    implements Condition<AuthorizationPolicy, AgentRuntime> {

  @Override
  public boolean isMet(
      DependentResource<AuthorizationPolicy, AgentRuntime> dependent,
      AgentRuntime primary,
      Context<AgentRuntime> context) {
    return RuntimeAuthorizationPolicyRenderer.render(primary).isPresent();
  }
}
