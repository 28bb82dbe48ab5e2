package io.agentruntime.operator.dependent;

import io.agentruntime.operator.render.Labels;
import io.agentruntime.operator.render.ManagedKind;
import io.fabric8.istio.api.security.v1.RequestAuthentication;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * The Istio RequestAuthentication {@code <n>}: the runtime's sidecar verifies callers' JWTs and
 * writes their principal and groups claims to the headers the runtime reads.
 *
 * <p>Applied only where Istio is installed ({@link CrdInstalled}) and the spec asks for it ({@link
 * SpecWants}). Owned by the AgentRuntime (garbage-collected with it); the informer sees only
 * objects this operator manages.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class RuntimeRequestAuthenticationDependentResource
    extends OwnedDependentResource<RequestAuthentication> {

  /** The dependent's name in the workflow. */
  public static final String NAME = "runtime-request-authentication";

  /** Creates the dependent for the reconciler's workflow. */
  public RuntimeRequestAuthenticationDependentResource() {
    super(RequestAuthentication.class, ManagedKind.RUNTIME_REQUEST_AUTHENTICATION);
  }
}
