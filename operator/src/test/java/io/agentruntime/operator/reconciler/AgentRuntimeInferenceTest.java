package io.agentruntime.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentruntime.operator.addon.NodePool;
import io.agentruntime.operator.addon.ScaledObject;
import io.agentruntime.operator.reconciler.MockCluster.AddOn;
import io.agentruntime.operator.render.ResourceNames;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimStatusBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The GPU inference pool against fabric8's mock API server (CRUD mode), on clusters with and
 * without Karpenter and KEDA.
 */
class AgentRuntimeInferenceTest {

  private static final String NAMESPACE = "gpu";

  private static final String POOL =
      """
      inference:
        image: vllm/vllm-openai:v0.11.0
        model: meta-llama/Llama-3.1-8B-Instruct
        replicas: {min: 0, max: 2}
        nodePool: {gpuLimit: 8}
        modelCache: {size: 100Gi, storageClassName: efs}
      """;

  @Nested
  class WithKarpenter {

    @Test
    void createsThePoolUpdatesItsNodePoolAndDeletesItWithTheAgentRuntime() {
      try (MockCluster cluster = MockCluster.with(AddOn.KARPENTER)) {
        var cr = cluster.create(AgentRuntimes.valid(NAMESPACE, "reasoner", POOL));

        var nodePool = eventually().until(() -> nodePool(cluster, "reasoner"), Objects::nonNull);
        assertThat(gpuLimit(nodePool)).isEqualTo("8");
        var deployment =
            eventually()
                .until(
                    () -> get(cluster, Deployment.class, "reasoner-inference"), Objects::nonNull);
        ManagedObjects.assertManagedAndOwnedBy(deployment, cr);
        assertThat(deployment.getSpec().getStrategy().getType())
            .as("8 GPUs leave room for a third replica of one GPU")
            .isEqualTo("RollingUpdate");
        eventually()
            .until(() -> get(cluster, Service.class, "reasoner-inference"), Objects::nonNull);
        eventually()
            .until(
                () -> get(cluster, PersistentVolumeClaim.class, "reasoner-model-cache"),
                Objects::nonNull);
        var hpa =
            eventually()
                .until(
                    () -> get(cluster, HorizontalPodAutoscaler.class, "reasoner-inference"),
                    Objects::nonNull);
        assertThat(hpa.getSpec().getMinReplicas()).as("no KEDA: never to zero").isEqualTo(1);

        cluster.editSpec(
            NAMESPACE, "reasoner", spec -> spec.getInference().getNodePool().setGpuLimit(2));
        eventually()
            .untilAsserted(
                () -> {
                  assertThat(gpuLimit(nodePool(cluster, "reasoner"))).isEqualTo("2");
                  assertThat(
                          get(cluster, Deployment.class, "reasoner-inference")
                              .getSpec()
                              .getStrategy()
                              .getType())
                      .as("no spare GPU: recreate")
                      .isEqualTo("Recreate");
                });

        cluster.client.resource(cluster.get(NAMESPACE, "reasoner")).delete();
        eventually().until(() -> nodePool(cluster, "reasoner") == null);
        eventually().until(() -> cluster.get(NAMESPACE, "reasoner") == null);
      }
    }

    @Test
    void droppingTheInferenceSectionRemovesThePool() {
      try (MockCluster cluster = MockCluster.with(AddOn.KARPENTER)) {
        cluster.create(AgentRuntimes.valid(NAMESPACE, "shrinking", POOL));
        eventually().until(() -> nodePool(cluster, "shrinking"), Objects::nonNull);
        eventually()
            .until(() -> get(cluster, Deployment.class, "shrinking-inference"), Objects::nonNull);

        eventually().until(() -> get(cluster, Deployment.class, "shrinking"), Objects::nonNull);

        cluster.editSpec(NAMESPACE, "shrinking", spec -> spec.setInference(null));

        eventually().until(() -> nodePool(cluster, "shrinking") == null);
        eventually().until(() -> get(cluster, Deployment.class, "shrinking-inference") == null);
        assertThat(get(cluster, Deployment.class, "shrinking")).as("the runtime stays").isNotNull();
      }
    }
  }

  @Test
  void withoutKarpenterThePoolRunsOnExistingGpuNodesAndNoNodePoolIsMade()
      throws InterruptedException {
    try (MockCluster cluster = MockCluster.start()) {
      cluster.create(AgentRuntimes.valid(NAMESPACE, "bare", POOL));

      eventually().until(() -> get(cluster, Deployment.class, "bare-inference"), Objects::nonNull);
      eventually()
          .until(
              () -> get(cluster, HorizontalPodAutoscaler.class, "bare-inference"),
              Objects::nonNull);
      eventually().until(() -> get(cluster, Deployment.class, "bare"), Objects::nonNull);
      assertThat(cluster.takeWriteRequests()).noneMatch(write -> write.contains("nodepools"));
      var inference =
          eventually().until(() -> inferenceReady(cluster, "bare"), condition -> condition != null);
      assertThat(inference.getStatus()).isEqualTo("False");
      assertThat(inference.getMessage()).contains("Karpenter is not installed");
    }
  }

  @Test
  void aSharedModelCacheThatStaysPendingIsWarnedAbout() {
    try (MockCluster cluster = MockCluster.start()) {
      cluster.create(AgentRuntimes.valid(NAMESPACE, "cached", POOL));
      var claim =
          eventually()
              .until(
                  () -> get(cluster, PersistentVolumeClaim.class, "cached-model-cache"),
                  Objects::nonNull);
      assertThat(claim.getSpec().getAccessModes()).containsExactly("ReadWriteMany");

      // Plays an EBS class that cannot provide ReadWriteMany: the claim never binds.
      cluster
          .client
          .persistentVolumeClaims()
          .inNamespace(NAMESPACE)
          .withName("cached-model-cache")
          .editStatus(
              pending -> {
                pending.setStatus(
                    new PersistentVolumeClaimStatusBuilder().withPhase("Pending").build());
                return pending;
              });

      eventually()
          .until(
              () -> inferenceReady(cluster, "cached"),
              condition ->
                  condition != null
                      && condition
                          .getMessage()
                          .contains("the model cache asks for ReadWriteMany and is still Pending"));
    }
  }

  @Test
  void withKedaAScaledObjectReplacesTheHpaAndMayScaleToZero() {
    try (MockCluster cluster = MockCluster.with(AddOn.KARPENTER, AddOn.KEDA)) {
      cluster.create(AgentRuntimes.valid(NAMESPACE, "elastic", POOL));

      var scaled =
          eventually()
              .until(() -> get(cluster, ScaledObject.class, "elastic-inference"), Objects::nonNull);
      assertThat(scaled.getSpec()).containsEntry("minReplicaCount", 0);
      eventually()
          .until(() -> get(cluster, Deployment.class, "elastic-inference"), Objects::nonNull);
      assertThat(get(cluster, HorizontalPodAutoscaler.class, "elastic-inference"))
          .as("KEDA makes its own HPA; a second one would fight it")
          .isNull();
    }
  }

  private static NodePool nodePool(MockCluster cluster, String name) {
    return cluster
        .client
        .resources(NodePool.class)
        .withName(ResourceNames.gpuNodePool(AgentRuntimes.valid(NAMESPACE, name)))
        .get();
  }

  private static Object gpuLimit(NodePool pool) {
    return ((Map<?, ?>) pool.getSpec().get("limits")).get("nvidia.com/gpu");
  }

  private static <T extends HasMetadata> T get(MockCluster cluster, Class<T> type, String name) {
    return cluster.client.resources(type).inNamespace(NAMESPACE).withName(name).get();
  }

  private static Condition inferenceReady(MockCluster cluster, String name) {
    var status = cluster.get(NAMESPACE, name).getStatus();
    return status == null || status.getConditions() == null
        ? null
        : status.getConditions().stream()
            .filter(condition -> "InferenceReady".equals(condition.getType()))
            .findFirst()
            .orElse(null);
  }

  private static ConditionFactory eventually() {
    return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50));
  }
}
