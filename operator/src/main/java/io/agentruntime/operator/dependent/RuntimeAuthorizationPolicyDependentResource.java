package io.agentruntime.operator.dependent;

import io.agentruntime.operator.render.Labels;
import io.agentruntime.operator.render.ManagedKind;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * The Istio AuthorizationPolicy {@code <n>}: only {@code spec.mesh.allowedPrincipals}, with a token
 * of {@code spec.mesh.authentication}'s issuer where it is set, may call the runtime's API.
 *
 * <p>Applied only where Istio is installed ({@link CrdInstalled}) and the spec asks for it ({@link
 * SpecWants}). Owned by the AgentRuntime (garbage-collected with it); the informer sees only
 * objects this operator manages.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class RuntimeAuthorizationPolicyDependentResource
    extends OwnedDependentResource<AuthorizationPolicy> {

  /** The dependent's name in the workflow. */
  public static final String NAME = "runtime-authorization-policy";

  /** Creates the dependent for the reconciler's workflow. */
  public RuntimeAuthorizationPolicyDependentResource() {
    super(AuthorizationPolicy.class, ManagedKind.RUNTIME_AUTHORIZATION_POLICY);
  }
}
