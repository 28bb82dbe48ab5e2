package io.agentruntime.operator.render;

import static io.agentruntime.operator.render.AgentRuntimeFixtures.withSpec;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.istio.api.api.security.v1beta1.ClaimToHeader;
import io.fabric8.istio.api.api.security.v1beta1.JWTRule;
import io.fabric8.istio.api.security.v1.RequestAuthentication;
import org.junit.jupiter.api.Test;

class RuntimeRequestAuthenticationRendererTest {

  private static final String RUNTIME =
      """
      image: ghcr.io/agentruntime/runtime:0.1.0
      intents: [{name: ping, backend: {echo: {}}}]
      mesh:
        authentication:
          issuer: https://auth.example.com/
          jwksUri: https://auth.example.com/.well-known/jwks.json
          audiences: [agent-runtime, support]
      """;

  @Test
  void verifiesTheIssuersTokensOnTheRuntimePods() {
    RequestAuthentication authentication = render(RUNTIME);
    JWTRule rule = authentication.getSpec().getJwtRules().getFirst();

    assertThat(authentication.getMetadata().getName()).isEqualTo("support");
    assertThat(authentication.getSpec().getSelector().getMatchLabels())
        .isEqualTo(Labels.selector(withSpec(RUNTIME), Component.RUNTIME));
    assertThat(authentication.getSpec().getJwtRules()).hasSize(1);
    assertThat(rule.getIssuer()).isEqualTo("https://auth.example.com/");
    assertThat(rule.getJwksUri()).isEqualTo("https://auth.example.com/.well-known/jwks.json");
    assertThat(rule.getAudiences()).containsExactly("agent-runtime", "support");
    assertThat(rule.getForwardOriginalToken()).as("the token stays at the sidecar").isFalse();
  }

  /**
   * Istio drops a client's value of every header it writes from claims, so listing the groups
   * header is what keeps a caller from choosing its own groups; without a groups claim the header
   * is not listed, and the runtime is not told to read it.
   */
  @Test
  void writesThePrincipalClaimAndOnlyANamedGroupsClaimToTheRuntimesHeaders() {
    assertThat(headers(render(RUNTIME))).containsExactly("sub->x-agent-principal");
    assertThat(
            headers(
                render(
                    RUNTIME
                        + """
                            principalClaim: email
                            groupsClaim: agent_groups
                        """)))
        .containsExactly("email->x-agent-principal", "agent_groups->x-agent-groups");
  }

  @Test
  void rendersNothingWithoutAuthentication() {
    assertThat(
            RuntimeRequestAuthenticationRenderer.render(
                withSpec(
                    """
                    image: ghcr.io/agentruntime/runtime:0.1.0
                    intents: [{name: ping, backend: {echo: {}}}]
                    mesh: {allowedPrincipals: [cluster.local/ns/web/sa/frontend]}
                    """)))
        .isEmpty();
  }

  private static RequestAuthentication render(String spec) {
    return RuntimeRequestAuthenticationRenderer.render(withSpec(spec)).orElseThrow();
  }

  private static java.util.List<String> headers(RequestAuthentication authentication) {
    return authentication.getSpec().getJwtRules().getFirst().getOutputClaimToHeaders().stream()
        .map((ClaimToHeader header) -> header.getClaim() + "->" + header.getHeader())
        .toList();
  }
}
