package io.agentruntime.operator.dependent;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.render.Labels;
import io.agentruntime.operator.render.ResourceNames;
import io.agentruntime.operator.render.RuntimeRequestAuthenticationRenderer;
import io.fabric8.istio.api.security.v1.RequestAuthentication;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/**
 * The Istio RequestAuthentication {@code <n>}: the runtime's sidecar verifies callers' JWTs and
 * writes their principal and groups claims to the headers the runtime reads.
 *
 * <p>Applied only where Istio is installed ({@link CrdInstalled}) and the spec asks for it ({@link
 * RuntimeRequestAuthenticationWanted}). Owned by the AgentRuntime (garbage-collected with it); the
 * informer sees only objects this operator manages.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class RuntimeRequestAuthenticationDependentResource
    extends OwnedDependentResource<RequestAuthentication> {

  /** The dependent's name in the workflow. */
  public static final String NAME = "runtime-request-authentication";

  /** Creates the dependent for the reconciler's workflow. */
  public RuntimeRequestAuthenticationDependentResource() {
    super(RequestAuthentication.class);
  }

  /**
   * The object's name without rendering it: JOSDK looks it up to delete it once the spec drops
   * authentication, when there is nothing to render.
   */
  @Override
  protected ResourceID targetSecondaryResourceID(AgentRuntime cr, Context<AgentRuntime> context) {
    return new ResourceID(ResourceNames.runtime(cr), cr.getMetadata().getNamespace());
  }

  @Override
  protected RequestAuthentication desired(AgentRuntime cr, Context<AgentRuntime> context) {
    // RuntimeRequestAuthenticationWanted keeps this dependent out of the workflow without it.
    return RuntimeRequestAuthenticationRenderer.render(cr)
        .orElseThrow(() -> new IllegalStateException("spec.mesh.authentication is not set"));
  }
}
