package io.agentruntime.operator.dependent;

import io.agentruntime.operator.render.Labels;
import io.agentruntime.operator.render.ManagedKind;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * The Istio AuthorizationPolicy {@code <n>-inference}: only the runtime's ServiceAccount may call
 * the model servers.
 *
 * <p>Applied only where Istio is installed ({@link CrdInstalled}) and the spec asks for it ({@link
 * SpecWants}). Owned by the AgentRuntime (garbage-collected with it); the informer sees only
 * objects this operator manages.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class InferenceAuthorizationPolicyDependentResource
    extends OwnedDependentResource<AuthorizationPolicy> {

  /** The dependent's name in the workflow. */
  public static final String NAME = "inference-authorization-policy";

  /** Creates the dependent for the reconciler's workflow. */
  public InferenceAuthorizationPolicyDependentResource() {
    super(AuthorizationPolicy.class, ManagedKind.INFERENCE_AUTHORIZATION_POLICY);
  }
}
