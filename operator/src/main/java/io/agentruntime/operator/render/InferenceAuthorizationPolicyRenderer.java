package io.agentruntime.operator.render;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.fabric8.istio.api.api.security.v1beta1.AuthorizationPolicyAction;
import io.fabric8.istio.api.api.security.v1beta1.Rule;
import io.fabric8.istio.api.api.security.v1beta1.RuleBuilder;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.fabric8.istio.api.security.v1.AuthorizationPolicyBuilder;
import java.util.Optional;

/**
 * The Istio AuthorizationPolicy {@code <n>-inference}: only the runtime's ServiceAccount may call
 * the model servers, so nothing reaches a model without passing governance first; anyone the
 * NetworkPolicy admits may read {@code GET /metrics}.
 *
 * <p>The runtime is known by the SPIFFE identity of its ServiceAccount {@code <n>}, which Istio
 * proves with mutual TLS: {@code cluster.local/ns/<namespace>/sa/<n>} in the mesh's default trust
 * domain. A request in plain text carries no identity and is denied. Rendered with {@code
 * spec.inference} when the runtime is in the mesh ({@code spec.mesh} or {@code spec.failover}):
 * outside the mesh the runtime has no identity to prove, and the NetworkPolicy alone holds.
 */
public final class InferenceAuthorizationPolicyRenderer {

  /** The mesh's default trust domain, the first part of every SPIFFE principal. */
  static final String TRUST_DOMAIN = "cluster.local";

  private InferenceAuthorizationPolicyRenderer() {}

  /** The policy of {@code cr}'s model servers; empty without inference or without the mesh. */
  public static Optional<AuthorizationPolicy> render(AgentRuntime cr) {
    if (cr.getSpec().getInference() == null || !AgentRuntimeRenderer.usesMesh(cr.getSpec())) {
      return Optional.empty();
    }
    return Optional.of(
        new AuthorizationPolicyBuilder()
            .withMetadata(RenderedMetadata.of(cr, ResourceNames.inference(cr), Component.INFERENCE))
            .withNewSpec()
            .withNewSelector()
            .withMatchLabels(Labels.selector(cr, Component.INFERENCE))
            .endSelector()
            .withAction(AuthorizationPolicyAction.ALLOW)
            .withRules(fromRuntime(cr), metrics())
            .endSpec()
            .build());
  }

  /** The SPIFFE principal of the runtime's ServiceAccount. */
  public static String runtimePrincipal(AgentRuntime cr) {
    return TRUST_DOMAIN
        + "/ns/"
        + cr.getMetadata().getNamespace()
        + "/sa/"
        + ResourceNames.runtime(cr);
  }

  private static Rule fromRuntime(AgentRuntime cr) {
    return new RuleBuilder()
        .addNewFrom()
        .withNewSource()
        .withPrincipals(runtimePrincipal(cr))
        .endSource()
        .endFrom()
        .addNewTo()
        .withNewOperation()
        .withPorts(Integer.toString(ResourceNames.INFERENCE_PORT))
        .endOperation()
        .endTo()
        .build();
  }

  private static Rule metrics() {
    return new RuleBuilder()
        .addNewTo()
        .withNewOperation()
        .withPorts(Integer.toString(ResourceNames.INFERENCE_PORT))
        .withMethods("GET")
        .withPaths("/metrics")
        .endOperation()
        .endTo()
        .build();
  }
}
