package io.agentruntime.operator.dependent;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.render.Labels;
import io.agentruntime.operator.render.ResourceNames;
import io.agentruntime.operator.render.RuntimeAuthorizationPolicyRenderer;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/**
 * The Istio AuthorizationPolicy {@code <n>}: only {@code spec.mesh.allowedPrincipals}, with a token
 * of {@code spec.mesh.authentication}'s issuer where it is set, may call the runtime's API.
 *
 * <p>Applied only where Istio is installed ({@link CrdInstalled}) and the spec asks for it ({@link
 * RuntimeAuthorizationPolicyWanted}). Owned by the AgentRuntime (garbage-collected with it); the
 * informer sees only objects this operator manages.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class RuntimeAuthorizationPolicyDependentResource
    extends OwnedDependentResource<AuthorizationPolicy> {

  /** The dependent's name in the workflow. */
  public static final String NAME = "runtime-authorization-policy";

  /** Creates the dependent for the reconciler's workflow. */
  public RuntimeAuthorizationPolicyDependentResource() {
    super(AuthorizationPolicy.class);
  }

  /**
   * The policy's name without rendering it: JOSDK looks the policy up to delete it once the spec
   * restricts no caller any more, when there is nothing to render.
   */
  @Override
  protected ResourceID targetSecondaryResourceID(AgentRuntime cr, Context<AgentRuntime> context) {
    return new ResourceID(ResourceNames.runtime(cr), cr.getMetadata().getNamespace());
  }

  @Override
  protected AuthorizationPolicy desired(AgentRuntime cr, Context<AgentRuntime> context) {
    // RuntimeAuthorizationPolicyWanted keeps this dependent out of the workflow without a policy.
    return RuntimeAuthorizationPolicyRenderer.render(cr)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "spec.mesh has neither allowedPrincipals nor authentication"));
  }
}
