package io.agentruntime.operator.render;

import static io.agentruntime.operator.render.AgentRuntimeFixtures.withSpec;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.render.IstioAuthorization.Request;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Nothing reaches a model server without passing the runtime's governance: the NetworkPolicy admits
 * the runtime's pods (and Prometheus), and in the mesh the AuthorizationPolicy admits the runtime's
 * ServiceAccount only.
 */
class InferenceAccessTest {

  private static final String POOL = AgentRuntimeFixtures.MODEL_POOL;

  private static final String RUNTIME_SA = "cluster.local/ns/agents/sa/support";
  private static final int PORT = ResourceNames.INFERENCE_PORT;

  @Test
  void theNetworkPolicyAdmitsTheRuntimesPodsAndPrometheusOnTheServersPortOnly() {
    AgentRuntime cr = withSpec(POOL);
    NetworkPolicy policy =
        AgentRuntimeFixtures.rendered(cr, InferenceNetworkPolicyRenderer::render);
    List<NetworkPolicyIngressRule> ingress = policy.getSpec().getIngress();

    assertThat(policy.getMetadata().getName()).isEqualTo("support-inference");
    assertThat(policy.getSpec().getPodSelector().getMatchLabels())
        .isEqualTo(Labels.selector(cr, Component.INFERENCE));
    assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress");
    assertThat(ingress).hasSize(2);
    assertThat(onlyPeer(ingress.get(0)).getPodSelector().getMatchLabels())
        .as("the runtime's pods, of this namespace only")
        .isEqualTo(Labels.selector(cr, Component.RUNTIME));
    assertThat(onlyPeer(ingress.get(0)).getNamespaceSelector()).isNull();
    assertThat(ports(ingress.get(0))).containsExactly(PORT);
    assertThat(onlyPeer(ingress.get(1)).getNamespaceSelector().getMatchLabels())
        .isEqualTo(Map.of("kubernetes.io/metadata.name", "monitoring"));
    assertThat(onlyPeer(ingress.get(1)).getPodSelector().getMatchLabels())
        .isEqualTo(Map.of("app.kubernetes.io/name", "prometheus"));
    assertThat(ports(ingress.get(1))).as("no mesh: no Istio metrics port").containsExactly(PORT);
  }

  @Test
  void theScraperIsTheSpecsAndInTheMeshItMayReadIstiosMergedMetrics() {
    AgentRuntime cr =
        withSpec(
            POOL
                + """
                  metricsScraper:
                    namespace: observability
                    podLabels: {app: prometheus}
                mesh: {}
                """);
    NetworkPolicyIngressRule scrape =
        AgentRuntimeFixtures.rendered(cr, InferenceNetworkPolicyRenderer::render)
            .getSpec()
            .getIngress()
            .get(1);

    assertThat(onlyPeer(scrape).getNamespaceSelector().getMatchLabels())
        .isEqualTo(Map.of("kubernetes.io/metadata.name", "observability"));
    assertThat(onlyPeer(scrape).getPodSelector().getMatchLabels())
        .isEqualTo(Map.of("app", "prometheus"));
    assertThat(ports(scrape)).containsExactly(PORT, 15020);
  }

  @Test
  void inTheMeshOnlyTheRuntimesServiceAccountCallsTheModel() {
    AuthorizationPolicy policy =
        InferenceAuthorizationPolicyRenderer.render(withSpec(POOL + "mesh: {}")).orElseThrow();
    List<AuthorizationPolicy> policies = List.of(policy);

    assertThat(policy.getMetadata().getName()).isEqualTo("support-inference");
    for (String path : List.of("/v1/chat/completions", "/v1/completions", "//v1/models", "/")) {
      Request request = Request.of(PORT, "POST", path);
      assertThat(IstioAuthorization.allows(policies, request.from(RUNTIME_SA))).isTrue();
      assertThat(IstioAuthorization.allows(policies, request.from("cluster.local/ns/web/sa/app")))
          .as("another workload, %s", path)
          .isFalse();
      assertThat(
              IstioAuthorization.allows(
                  policies, request.from("cluster.local/ns/other/sa/support")))
          .as("a ServiceAccount of the same name in another namespace")
          .isFalse();
      assertThat(IstioAuthorization.allows(policies, request)).as("plain text").isFalse();
    }
    assertThat(IstioAuthorization.allows(policies, Request.of(PORT, "GET", "/metrics")))
        .as("scrapes")
        .isTrue();
    assertThat(IstioAuthorization.allows(policies, Request.of(PORT, "GET", "/v1/models")))
        .isFalse();
  }

  @Test
  void outsideTheMeshNoAuthorizationPolicyOnlyTheNetworkPolicy() {
    AgentRuntime cr = withSpec(POOL);

    assertThat(InferenceAuthorizationPolicyRenderer.render(cr)).isEmpty();
    assertThat(AgentRuntimeRenderer.render(cr))
        .extracting(object -> object.getKind() + " " + object.getMetadata().getName())
        .contains("NetworkPolicy support-inference")
        .doesNotContain("AuthorizationPolicy support-inference");
  }

  private static NetworkPolicyPeer onlyPeer(NetworkPolicyIngressRule rule) {
    assertThat(rule.getFrom()).hasSize(1);
    return rule.getFrom().getFirst();
  }

  private static List<Integer> ports(NetworkPolicyIngressRule rule) {
    return rule.getPorts().stream()
        .peek(port -> assertThat(port.getProtocol()).isEqualTo("TCP"))
        .map(port -> port.getPort().getIntVal())
        .toList();
  }
}
