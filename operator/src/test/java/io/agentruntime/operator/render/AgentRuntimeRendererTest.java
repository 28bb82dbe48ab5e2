package io.agentruntime.operator.render;

import static io.agentruntime.operator.render.AgentRuntimeFixtures.example;
import static io.agentruntime.operator.render.AgentRuntimeFixtures.minimal;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentruntime.operator.addon.AddOn;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentRuntimeRendererTest {

  @Test
  void rendersEveryRuntimeObjectInApplyOrder() {
    List<HasMetadata> objects = AgentRuntimeRenderer.render(minimal());

    assertThat(objects)
        .extracting(HasMetadata::getKind)
        .containsExactly(
            "ServiceAccount",
            "ConfigMap",
            "Deployment",
            "Service",
            "HorizontalPodAutoscaler",
            "PodDisruptionBudget",
            "ServiceMonitor",
            "PrometheusRule");
    assertThat(objects)
        .extracting(object -> object.getMetadata().getName())
        .containsExactly(
            "support",
            "support-config",
            "support",
            "support",
            "support",
            "support",
            "support",
            "support");
  }

  @Test
  void placesTheIstioAndInferenceObjectsInApplyOrder() {
    assertThat(AgentRuntimeRenderer.render(example("full")))
        .extracting(HasMetadata::getKind)
        .containsExactly(
            "ServiceAccount",
            "ConfigMap",
            "PeerAuthentication",
            "RequestAuthentication",
            "AuthorizationPolicy",
            "Deployment",
            "Service",
            "DestinationRule",
            "VirtualService",
            "HorizontalPodAutoscaler",
            "PodDisruptionBudget",
            "NodePool",
            "PersistentVolumeClaim",
            "NetworkPolicy",
            "AuthorizationPolicy",
            "Deployment",
            "Service",
            "ScaledObject",
            "ServiceMonitor",
            "PrometheusRule");
  }

  @Test
  void scalesTheModelServersWithAnHpaOnlyWhereKedaIsMissing() {
    var withoutKeda =
        InstalledAddOns.of(EnumSet.of(AddOn.ISTIO, AddOn.KARPENTER, AddOn.PROMETHEUS_OPERATOR));

    assertThat(AgentRuntimeRenderer.render(example("full"), withoutKeda, RenderSettings.DEFAULTS))
        .filteredOn(object -> object.getMetadata().getName().equals("support-inference"))
        .extracting(HasMetadata::getKind)
        .containsExactly(
            "NetworkPolicy",
            "AuthorizationPolicy",
            "Deployment",
            "Service",
            "HorizontalPodAutoscaler");
  }

  @Test
  void leavesOutTheKindsOfMissingAddOns() {
    assertThat(
            AgentRuntimeRenderer.render(
                example("full"),
                InstalledAddOns.of(EnumSet.noneOf(AddOn.class)),
                RenderSettings.DEFAULTS))
        .extracting(HasMetadata::getKind)
        .containsExactly(
            "ServiceAccount",
            "ConfigMap",
            "Deployment",
            "Service",
            "HorizontalPodAutoscaler",
            "PodDisruptionBudget",
            "PersistentVolumeClaim",
            "NetworkPolicy",
            "Deployment",
            "Service",
            "HorizontalPodAutoscaler");
  }

  @Test
  void failoverAloneBringsTheMeshObjectsButNoAuthorizationPolicy() {
    var cr =
        AgentRuntimeFixtures.withSpec(
            """
            image: ghcr.io/agentruntime/runtime:0.1.0
            intents: [{name: ping, backend: {echo: {}}}]
            failover: {regions: [us-east-1, us-west-2]}
            """);

    assertThat(AgentRuntimeRenderer.render(cr))
        .extracting(HasMetadata::getKind)
        .contains("PeerAuthentication", "DestinationRule", "VirtualService")
        .doesNotContain("AuthorizationPolicy");
  }

  @Test
  void labelsEveryObjectAsManagedInTheRuntimesNamespace() {
    assertThat(AgentRuntimeRenderer.render(example("full")))
        .allSatisfy(
            object -> {
              boolean clusterScoped = object.getKind().equals("NodePool");
              boolean pool =
                  clusterScoped
                      || object.getMetadata().getName().matches("support-(inference|model-cache)");
              assertThat(object.getMetadata().getNamespace())
                  .isEqualTo(clusterScoped ? null : "agents");
              assertThat(object.getMetadata().getLabels())
                  .containsEntry("app.kubernetes.io/name", "agent-runtime")
                  .containsEntry("app.kubernetes.io/instance", "support")
                  .containsEntry("app.kubernetes.io/component", pool ? "inference" : "runtime")
                  .containsEntry("app.kubernetes.io/managed-by", "agent-runtime-operator");
            });
  }

  @Test
  void exposesHttpOnPort8080ToTheRuntimePods() {
    Service service = RuntimeServiceRenderer.render(minimal());

    assertThat(service.getSpec().getPorts().getFirst().getPort()).isEqualTo(8080);
    assertThat(service.getSpec().getPorts().getFirst().getName()).isEqualTo("http");
    assertThat(service.getSpec().getSelector())
        .isEqualTo(Labels.selector(minimal(), Component.RUNTIME));
  }

  @Test
  void keepsOnePodThroughVoluntaryDisruptions() {
    PodDisruptionBudget pdb = RuntimePdbRenderer.render(minimal());

    assertThat(pdb.getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
    assertThat(pdb.getSpec().getSelector().getMatchLabels())
        .isEqualTo(Labels.selector(minimal(), Component.RUNTIME));
  }

  @Test
  void givesThePodsAnIdentityWithoutAnApiToken() {
    assertThat(RuntimeServiceAccountRenderer.render(minimal()).getAutomountServiceAccountToken())
        .isFalse();
  }

  @Test
  void derivesEveryNameFromTheResource() {
    var cr = minimal();

    assertThat(ResourceNames.inference(cr)).isEqualTo("support-inference");
    assertThat(ResourceNames.modelCache(cr)).isEqualTo("support-model-cache");
    assertThat(ResourceNames.gpuNodePool(cr)).matches("agents-support-gpu-[0-9a-f]{8}");
    assertThat(ResourceNames.dispatchEndpoint(cr))
        .isEqualTo("http://support.agents.svc.cluster.local:8080/dispatch");
  }
}
