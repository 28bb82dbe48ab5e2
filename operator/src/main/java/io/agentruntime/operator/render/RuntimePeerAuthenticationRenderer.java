package io.agentruntime.operator.render;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.api.v1alpha1.MtlsMode;
import io.fabric8.istio.api.api.security.v1beta1.PeerAuthenticationMutualTLSMode;
import io.fabric8.istio.api.security.v1.PeerAuthentication;
import io.fabric8.istio.api.security.v1.PeerAuthenticationBuilder;

/**
 * The Istio PeerAuthentication {@code <n>}: the mutual TLS mode of the runtime pods, STRICT unless
 * the spec relaxes it (e.g. PERMISSIVE while callers outside the mesh migrate in).
 */
public final class RuntimePeerAuthenticationRenderer {

  private RuntimePeerAuthenticationRenderer() {}

  /** The PeerAuthentication of {@code cr}'s runtime pods. */
  public static PeerAuthentication render(AgentRuntime cr, EffectiveSpec spec) {
    return new PeerAuthenticationBuilder()
        .withMetadata(RenderedMetadata.of(cr, ResourceNames.runtime(cr), Component.RUNTIME))
        .withNewSpec()
        .withNewSelector()
        .withMatchLabels(Labels.selector(cr, Component.RUNTIME))
        .endSelector()
        .withNewMtls()
        .withMode(mode(spec.mesh().mtls()))
        .endMtls()
        .endSpec()
        .build();
  }

  private static PeerAuthenticationMutualTLSMode mode(MtlsMode mtls) {
    return switch (mtls) {
      case STRICT -> PeerAuthenticationMutualTLSMode.STRICT;
      case PERMISSIVE -> PeerAuthenticationMutualTLSMode.PERMISSIVE;
    };
  }
}
