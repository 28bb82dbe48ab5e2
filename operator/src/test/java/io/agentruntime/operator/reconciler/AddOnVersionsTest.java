package io.agentruntime.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentruntime.operator.addon.AddOn;
import io.agentruntime.operator.api.v1alpha1.AgentRuntimePhase;
import io.agentruntime.operator.reconciler.MockCluster.CrdForm;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;

/**
 * Add-ons whose CRDs exist but cannot be used, against fabric8's mock API server: an older release
 * whose CRD lacks the version the operator writes (a real API server answers 404 for it on every
 * request), and a CRD not Established yet. The operator leaves their kinds alone, applies the rest
 * and says why in the status. The CRUD mock would serve any version, so every test also asserts
 * that no request reached the version the CRD does not serve.
 */
class AddOnVersionsTest {

  private static final String NAMESPACE = "addons";

  @Test
  void anIstioServingOnlyOlderVersionsIsReportedAndNeverAsked() throws InterruptedException {
    try (MockCluster cluster = MockCluster.with(Map.of(AddOn.ISTIO, CrdForm.OLDER_VERSION_ONLY))) {
      cluster.create(
          AgentRuntimes.valid(
              NAMESPACE, "meshed", "mesh: {allowedPrincipals: [cluster.local/ns/web/sa/web]}"));

      var mesh =
          eventually()
              .until(() -> condition(cluster, "meshed", "MeshConfigured"), Objects::nonNull);

      assertThat(mesh.getStatus()).isEqualTo("False");
      assertThat(mesh.getReason()).isEqualTo("IstioVersionUnsupported");
      assertThat(mesh.getMessage())
          .contains(
              "destinationrules.networking.istio.io serves v1beta1 but not v1",
              "authorizationpolicies.security.istio.io serves v1beta1 but not v1",
              "Istio 1.22 or newer");
      assertThat(phase(cluster, "meshed"))
          .as("the runtime is applied as usual")
          .isEqualTo(AgentRuntimePhase.PROGRESSING);
      assertThat(cluster.takeRequests())
          .noneMatch(request -> request.contains("/apis/networking.istio.io/v1/"))
          .noneMatch(request -> request.contains("/apis/security.istio.io/v1/"));
    }
  }

  @Test
  void aKarpenterCrdNotEstablishedYetGetsNoNodePoolAndExplainsTheUnreadyPool()
      throws InterruptedException {
    try (MockCluster cluster = MockCluster.with(Map.of(AddOn.KARPENTER, CrdForm.NOT_ESTABLISHED))) {
      cluster.create(AgentRuntimes.valid(NAMESPACE, "pooled", inference()));

      var inference =
          eventually()
              .until(() -> condition(cluster, "pooled", "InferenceReady"), Objects::nonNull);

      assertThat(inference.getReason()).isEqualTo("KarpenterNotEstablished");
      assertThat(inference.getMessage())
          .contains("nodepools.karpenter.sh is not Established yet", "no NodePool was created");
      assertThat(get(cluster, Deployment.class, "pooled-inference")).isNotNull();
      assertThat(cluster.takeRequests())
          .noneMatch(request -> request.contains("/apis/karpenter.sh/"));
    }
  }

  @Test
  void aKedaTheOperatorCannotUseLeavesThePoolToItsHpa() throws InterruptedException {
    try (MockCluster cluster = MockCluster.with(Map.of(AddOn.KEDA, CrdForm.NOT_ESTABLISHED))) {
      cluster.create(AgentRuntimes.valid(NAMESPACE, "scaled", inference()));

      eventually()
          .until(
              () -> get(cluster, HorizontalPodAutoscaler.class, "scaled-inference"),
              Objects::nonNull);
      var inference =
          eventually()
              .until(() -> condition(cluster, "scaled", "InferenceReady"), Objects::nonNull);

      assertThat(inference.getMessage())
          .contains(
              "scaledobjects.keda.sh is not Established yet",
              "scales with a HorizontalPodAutoscaler instead");
      assertThat(cluster.takeRequests()).noneMatch(request -> request.contains("/apis/keda.sh/"));
    }
  }

  @Test
  void aPrometheusOperatorServingOnlyAnotherVersionIsReportedAndNeverAsked()
      throws InterruptedException {
    try (MockCluster cluster =
        MockCluster.with(Map.of(AddOn.PROMETHEUS_OPERATOR, CrdForm.OLDER_VERSION_ONLY))) {
      cluster.create(AgentRuntimes.valid(NAMESPACE, "watched"));

      var monitoring =
          eventually()
              .until(() -> condition(cluster, "watched", "MonitoringConfigured"), Objects::nonNull);

      assertThat(monitoring.getStatus()).isEqualTo("False");
      assertThat(monitoring.getReason()).isEqualTo("PrometheusOperatorVersionUnsupported");
      assertThat(monitoring.getMessage())
          .contains(
              "servicemonitors.monitoring.coreos.com serves v1beta1 but not v1",
              "prometheusrules.monitoring.coreos.com serves v1beta1 but not v1");
      assertThat(cluster.takeRequests())
          .noneMatch(request -> request.contains("/apis/monitoring.coreos.com/v1/"));
    }
  }

  private static String inference() {
    return """
        inference:
          image: vllm/vllm-openai:v0.11.0
          model: meta-llama/Llama-3.1-8B-Instruct
          replicas: {min: 1, max: 1}
        """;
  }

  private static Condition condition(MockCluster cluster, String name, String type) {
    return Optional.ofNullable(cluster.get(NAMESPACE, name).getStatus())
        .map(status -> status.getConditions())
        .flatMap(
            conditions -> conditions.stream().filter(c -> type.equals(c.getType())).findFirst())
        .orElse(null);
  }

  private static AgentRuntimePhase phase(MockCluster cluster, String name) {
    return cluster.get(NAMESPACE, name).getStatus().getPhase();
  }

  private static <T extends io.fabric8.kubernetes.api.model.HasMetadata> T get(
      MockCluster cluster, Class<T> type, String name) {
    return cluster.client.resources(type).inNamespace(NAMESPACE).withName(name).get();
  }

  private static ConditionFactory eventually() {
    return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50));
  }
}
