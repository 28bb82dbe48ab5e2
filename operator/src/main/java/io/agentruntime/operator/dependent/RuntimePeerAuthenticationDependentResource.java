package io.agentruntime.operator.dependent;

import io.agentruntime.operator.render.Labels;
import io.agentruntime.operator.render.ManagedKind;
import io.fabric8.istio.api.security.v1.PeerAuthentication;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * The Istio PeerAuthentication {@code <n>}: the mTLS mode of the runtime pods.
 *
 * <p>Applied only where Istio is installed ({@link CrdInstalled}) and the spec asks for it ({@link
 * SpecWants}). Owned by the AgentRuntime (garbage-collected with it); the informer sees only
 * objects this operator manages.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class RuntimePeerAuthenticationDependentResource
    extends OwnedDependentResource<PeerAuthentication> {

  /** The dependent's name in the workflow. */
  public static final String NAME = "runtime-peer-authentication";

  /** Creates the dependent for the reconciler's workflow. */
  public RuntimePeerAuthenticationDependentResource() {
    super(PeerAuthentication.class, ManagedKind.RUNTIME_PEER_AUTHENTICATION);
  }
}
