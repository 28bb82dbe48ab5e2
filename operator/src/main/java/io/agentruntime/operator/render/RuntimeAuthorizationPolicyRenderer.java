package io.agentruntime.operator.render;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.api.v1alpha1.MeshSpec;
import io.fabric8.istio.api.api.security.v1beta1.AuthorizationPolicyAction;
import io.fabric8.istio.api.api.security.v1beta1.Rule;
import io.fabric8.istio.api.api.security.v1beta1.RuleBuilder;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.fabric8.istio.api.security.v1.AuthorizationPolicyBuilder;
import java.util.List;
import java.util.Optional;

/**
 * The Istio AuthorizationPolicy {@code <n>}: only {@code spec.mesh.allowedPrincipals} may call the
 * runtime's API ({@code POST /dispatch} and {@code /v1/*}).
 *
 * <p>Once an ALLOW policy selects a workload, Istio denies every request no rule matches. The
 * health and metrics endpoints therefore get a rule of their own that admits any caller, limited to
 * GET, so the kubelet's probes and Prometheus' scrapes keep working; they expose no data an agent
 * could act on.
 *
 * <p>Without allowed principals no policy is rendered and any caller the mesh lets through may call
 * the runtime, as the field's documentation says; governance still decides per request. Rendering
 * an empty ALLOW policy instead would deny every call.
 */
public final class RuntimeAuthorizationPolicyRenderer {

  /** The runtime's API, reserved to the allowed principals. */
  private static final String DISPATCH_PATH = "/dispatch";

  private static final String API_PATHS = "/v1/*";

  /** Read-only endpoints of the kubelet and Prometheus. */
  private static final List<String> OPERATIONS_PATHS = List.of("/healthz", "/readyz", "/metrics");

  private RuntimeAuthorizationPolicyRenderer() {}

  /** The policy of {@code cr}'s runtime pods; empty when it lists no allowed principal. */
  public static Optional<AuthorizationPolicy> render(AgentRuntime cr) {
    List<String> principals =
        Optional.ofNullable(cr.getSpec().getMesh())
            .map(MeshSpec::getAllowedPrincipals)
            .orElse(List.of());
    if (principals.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new AuthorizationPolicyBuilder()
            .withMetadata(RenderedMetadata.of(cr, ResourceNames.runtime(cr), Component.RUNTIME))
            .withNewSpec()
            .withNewSelector()
            .withMatchLabels(Labels.selector(cr, Component.RUNTIME))
            .endSelector()
            .withAction(AuthorizationPolicyAction.ALLOW)
            .withRules(apiRule(principals), operationsRule())
            .endSpec()
            .build());
  }

  private static Rule apiRule(List<String> principals) {
    return new RuleBuilder()
        .addNewFrom()
        .withNewSource()
        .withPrincipals(principals)
        .endSource()
        .endFrom()
        .addNewTo()
        .withNewOperation()
        .withMethods("POST")
        .withPaths(DISPATCH_PATH)
        .endOperation()
        .endTo()
        .addNewTo()
        .withNewOperation()
        .withPaths(API_PATHS)
        .endOperation()
        .endTo()
        .build();
  }

  private static Rule operationsRule() {
    return new RuleBuilder()
        .addNewTo()
        .withNewOperation()
        .withMethods("GET")
        .withPaths(OPERATIONS_PATHS)
        .endOperation()
        .endTo()
        .build();
  }
}
