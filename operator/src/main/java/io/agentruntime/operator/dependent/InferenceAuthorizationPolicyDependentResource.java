package io.agentruntime.operator.dependent;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.render.InferenceAuthorizationPolicyRenderer;
import io.agentruntime.operator.render.Labels;
import io.agentruntime.operator.render.ResourceNames;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/**
 * The Istio AuthorizationPolicy {@code <n>-inference}: only the runtime's ServiceAccount may call
 * the model servers.
 *
 * <p>Applied only where Istio is installed ({@link CrdInstalled}) and the spec asks for it ({@link
 * InferenceAuthorizationPolicyWanted}). Owned by the AgentRuntime (garbage-collected with it); the
 * informer sees only objects this operator manages.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class InferenceAuthorizationPolicyDependentResource
    extends OwnedDependentResource<AuthorizationPolicy> {

  /** The dependent's name in the workflow. */
  public static final String NAME = "inference-authorization-policy";

  /** Creates the dependent for the reconciler's workflow. */
  public InferenceAuthorizationPolicyDependentResource() {
    super(AuthorizationPolicy.class);
  }

  /**
   * The policy's name without rendering it: JOSDK looks it up to delete it once the spec drops the
   * inference section or the mesh, when there is nothing to render.
   */
  @Override
  protected ResourceID targetSecondaryResourceID(AgentRuntime cr, Context<AgentRuntime> context) {
    return new ResourceID(ResourceNames.inference(cr), cr.getMetadata().getNamespace());
  }

  @Override
  protected AuthorizationPolicy desired(AgentRuntime cr, Context<AgentRuntime> context) {
    // InferenceAuthorizationPolicyWanted keeps this dependent out of the workflow without a policy.
    return InferenceAuthorizationPolicyRenderer.render(cr)
        .orElseThrow(() -> new IllegalStateException("spec has no inference section in the mesh"));
  }
}
