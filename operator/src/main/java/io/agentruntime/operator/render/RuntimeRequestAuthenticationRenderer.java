package io.agentruntime.operator.render;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.api.v1alpha1.MeshAuthenticationSpec;
import io.agentruntime.operator.api.v1alpha1.MeshSpec;
import io.fabric8.istio.api.api.security.v1beta1.ClaimToHeader;
import io.fabric8.istio.api.api.security.v1beta1.ClaimToHeaderBuilder;
import io.fabric8.istio.api.security.v1.RequestAuthentication;
import io.fabric8.istio.api.security.v1.RequestAuthenticationBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Istio RequestAuthentication {@code <n>} of {@code spec.mesh.authentication}: the runtime's
 * sidecar verifies the caller's JWT and writes its principal and groups claims to the headers the
 * runtime reads.
 *
 * <p>Istio removes a client's value of every header listed under {@code outputClaimToHeaders}, even
 * when the token lacks the claim, so these headers carry only what a verified token says. A request
 * without any token passes a RequestAuthentication unauthenticated; the AuthorizationPolicy ({@link
 * RuntimeAuthorizationPolicyRenderer}) refuses it on the API port.
 */
public final class RuntimeRequestAuthenticationRenderer {

  /**
   * Header carrying the caller's id: the runtime's {@code identity.principalHeader}, whose default
   * it is, so the configuration file need not name it.
   */
  public static final String PRINCIPAL_HEADER = "x-agent-principal";

  /** Header carrying the caller's comma-separated groups: {@code identity.groupsHeader}. */
  public static final String GROUPS_HEADER = "x-agent-groups";

  /** The claim naming the caller when the spec names none. */
  public static final String DEFAULT_PRINCIPAL_CLAIM = "sub";

  private RuntimeRequestAuthenticationRenderer() {}

  /** {@code spec.mesh.authentication}, when the spec has one. */
  public static Optional<MeshAuthenticationSpec> authentication(AgentRuntime cr) {
    return Optional.ofNullable(cr.getSpec().getMesh()).map(MeshSpec::getAuthentication);
  }

  /** Whether the runtime reads its callers' groups from {@link #GROUPS_HEADER}. */
  public static boolean groupsFromToken(AgentRuntime cr) {
    return authentication(cr).map(MeshAuthenticationSpec::getGroupsClaim).isPresent();
  }

  /** The RequestAuthentication of {@code cr}'s runtime pods; empty without authentication. */
  public static Optional<RequestAuthentication> render(AgentRuntime cr) {
    return authentication(cr)
        .map(
            authentication ->
                new RequestAuthenticationBuilder()
                    .withMetadata(
                        RenderedMetadata.of(cr, ResourceNames.runtime(cr), Component.RUNTIME))
                    .withNewSpec()
                    .withNewSelector()
                    .withMatchLabels(Labels.selector(cr, Component.RUNTIME))
                    .endSelector()
                    .addNewJwtRule()
                    .withIssuer(authentication.getIssuer())
                    .withJwksUri(authentication.getJwksUri())
                    .withAudiences(authentication.getAudiences())
                    // The runtime never needs the token itself; keep it from backends and logs.
                    .withForwardOriginalToken(false)
                    .withOutputClaimToHeaders(claimHeaders(authentication))
                    .endJwtRule()
                    .endSpec()
                    .build());
  }

  /**
   * The request principal Istio derives from a token of the spec's issuer, any subject: {@code
   * <issuer>/*}.
   */
  static String requestPrincipalPattern(MeshAuthenticationSpec authentication) {
    return authentication.getIssuer() + "/*";
  }

  private static List<ClaimToHeader> claimHeaders(MeshAuthenticationSpec authentication) {
    List<ClaimToHeader> headers = new ArrayList<>();
    String principalClaim =
        Optional.ofNullable(authentication.getPrincipalClaim()).orElse(DEFAULT_PRINCIPAL_CLAIM);
    headers.add(claimHeader(principalClaim, PRINCIPAL_HEADER));
    if (authentication.getGroupsClaim() != null) {
      headers.add(claimHeader(authentication.getGroupsClaim(), GROUPS_HEADER));
    }
    return headers;
  }

  private static ClaimToHeader claimHeader(String claim, String header) {
    return new ClaimToHeaderBuilder().withClaim(claim).withHeader(header).build();
  }
}
