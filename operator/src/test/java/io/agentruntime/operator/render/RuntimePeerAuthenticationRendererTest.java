package io.agentruntime.operator.render;

import static io.agentruntime.operator.render.AgentRuntimeFixtures.withSpec;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.istio.api.api.security.v1beta1.PeerAuthenticationMutualTLSMode;
import io.fabric8.istio.api.security.v1.PeerAuthentication;
import org.junit.jupiter.api.Test;

class RuntimePeerAuthenticationRendererTest {

  private static final String RUNTIME =
      """
      image: ghcr.io/agentruntime/runtime:0.1.0
      intents: [{name: ping, backend: {echo: {}}}]
      """;

  @Test
  void requiresMutualTlsOfTheRuntimePodsByDefault() {
    var cr = withSpec(RUNTIME + "mesh: {}");

    PeerAuthentication authentication =
        AgentRuntimeFixtures.rendered(cr, RuntimePeerAuthenticationRenderer::render);

    assertThat(authentication.getSpec().getMtls().getMode())
        .isEqualTo(PeerAuthenticationMutualTLSMode.STRICT);
    assertThat(authentication.getSpec().getSelector().getMatchLabels())
        .isEqualTo(Labels.selector(cr, Component.RUNTIME));
  }

  @Test
  void relaxesToPermissiveWhenTheSpecSaysSo() {
    PeerAuthentication authentication =
        AgentRuntimeFixtures.rendered(
            withSpec(RUNTIME + "mesh: {mtls: PERMISSIVE}"),
            RuntimePeerAuthenticationRenderer::render);

    assertThat(authentication.getSpec().getMtls().getMode())
        .isEqualTo(PeerAuthenticationMutualTLSMode.PERMISSIVE);
  }
}
