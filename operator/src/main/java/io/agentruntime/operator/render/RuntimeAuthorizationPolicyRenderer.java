package io.agentruntime.operator.render;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.api.v1alpha1.MeshAuthenticationSpec;
import io.agentruntime.operator.api.v1alpha1.MeshSpec;
import io.fabric8.istio.api.api.security.v1beta1.AuthorizationPolicyAction;
import io.fabric8.istio.api.api.security.v1beta1.Rule;
import io.fabric8.istio.api.api.security.v1beta1.RuleBuilder;
import io.fabric8.istio.api.api.security.v1beta1.Source;
import io.fabric8.istio.api.api.security.v1beta1.SourceBuilder;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.fabric8.istio.api.security.v1.AuthorizationPolicyBuilder;
import java.util.List;
import java.util.Optional;

/**
 * The Istio AuthorizationPolicy {@code <n>} of the runtime pods: who may reach the runtime's API
 * port, {@code spec.mesh.allowedPrincipals} and, with {@code spec.mesh.authentication}, only with a
 * token of its issuer.
 *
 * <p>The rules decide by port, not by path: everything on the API port (8080), the MCP gateway's
 * {@code /mcp/*} and {@code /v1/mcp/sessions} included, is reserved to the allowed callers,
 * whatever its path, so no spelling of a path ({@code //dispatch}, {@code /dispatch/.}, {@code
 * /%64ispatch}) can slip past a list of paths; the runtime itself answers 404 to every path it does
 * not serve. The management port (8081) serves only {@code GET /healthz}, {@code /readyz} and
 * {@code /metrics}, to any caller, so Prometheus' scrapes are not denied (the kubelet's probes
 * reach the runtime through the sidecar's own port and are never subject to authorization); they
 * expose no data an agent could act on. Once an ALLOW policy selects a workload, Istio denies every
 * request no rule matches.
 *
 * <p>Without allowed principals and without authentication no policy is rendered and any caller the
 * mesh admits may call the runtime, as the fields' documentation says; governance still decides per
 * request. Rendering an ALLOW policy without a rule for the API would deny every call.
 */
public final class RuntimeAuthorizationPolicyRenderer {

  /** Read-only endpoints of the management port. */
  static final List<String> MANAGEMENT_PATHS = List.of("/healthz", "/readyz", "/metrics");

  private RuntimeAuthorizationPolicyRenderer() {}

  /** The policy of {@code cr}'s runtime pods; empty when the spec restricts no caller. */
  public static Optional<AuthorizationPolicy> render(AgentRuntime cr) {
    if (!restrictsCallers(cr)) {
      return Optional.empty();
    }
    List<String> principals = allowedPrincipals(cr);
    Optional<MeshAuthenticationSpec> authentication =
        RuntimeRequestAuthenticationRenderer.authentication(cr);
    return Optional.of(
        new AuthorizationPolicyBuilder()
            .withMetadata(RenderedMetadata.of(cr, ResourceNames.runtime(cr), Component.RUNTIME))
            .withNewSpec()
            .withNewSelector()
            .withMatchLabels(Labels.selector(cr, Component.RUNTIME))
            .endSelector()
            .withAction(AuthorizationPolicyAction.ALLOW)
            .withRules(apiRule(caller(principals, authentication)), managementRule())
            .endSpec()
            .build());
  }

  /** Whether the spec restricts who may call the runtime: allowed principals or authentication. */
  public static boolean restrictsCallers(AgentRuntime cr) {
    return !allowedPrincipals(cr).isEmpty()
        || RuntimeRequestAuthenticationRenderer.authentication(cr).isPresent();
  }

  private static List<String> allowedPrincipals(AgentRuntime cr) {
    return Optional.ofNullable(cr.getSpec().getMesh())
        .map(MeshSpec::getAllowedPrincipals)
        .orElse(List.of());
  }

  /**
   * Who may call the API: one of the allowed workloads (the peer's mTLS identity) and, with
   * authentication, holding a verified token of the issuer; both when both are set.
   */
  private static Source caller(
      List<String> principals, Optional<MeshAuthenticationSpec> authentication) {
    SourceBuilder source = new SourceBuilder();
    if (!principals.isEmpty()) {
      source.withPrincipals(principals);
    }
    authentication.ifPresent(
        spec ->
            source.withRequestPrincipals(
                RuntimeRequestAuthenticationRenderer.requestPrincipalPattern(spec)));
    return source.build();
  }

  private static Rule apiRule(Source caller) {
    return new RuleBuilder()
        .addNewFrom()
        .withSource(caller)
        .endFrom()
        .addNewTo()
        .withNewOperation()
        .withPorts(Integer.toString(ResourceNames.RUNTIME_PORT))
        .endOperation()
        .endTo()
        .build();
  }

  private static Rule managementRule() {
    return new RuleBuilder()
        .addNewTo()
        .withNewOperation()
        .withPorts(Integer.toString(ResourceNames.RUNTIME_MANAGEMENT_PORT))
        .withMethods("GET")
        .withPaths(MANAGEMENT_PATHS)
        .endOperation()
        .endTo()
        .build();
  }
}
