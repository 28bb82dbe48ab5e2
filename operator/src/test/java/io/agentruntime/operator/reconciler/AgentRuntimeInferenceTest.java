package io.agentruntime.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentruntime.operator.addon.AddOn;
import io.agentruntime.operator.addon.NodePool;
import io.agentruntime.operator.addon.ScaledObject;
import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.api.v1alpha1.AgentRuntimeSpec;
import io.agentruntime.operator.render.ResourceNames;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimStatusBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The GPU inference pool against fabric8's mock API server (CRUD mode), on clusters with and
 * without Karpenter and KEDA.
 */
class AgentRuntimeInferenceTest {

  private static final String NAMESPACE = "gpu";

  /** A finalizer of another controller, holding a deleted object. */
  private static final String HOLD = "example.com/hold";

  private static final String POOL = AgentRuntimes.INFERENCE_POOL;

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

  /**
   * Installing KEDA hands the pool from the operator's HPA to a ScaledObject, which is created only
   * once the HPA is gone: KEDA's webhook refuses a ScaledObject while an HPA targets the
   * Deployment. A finalizer (another controller's) keeps the deleted HPA around meanwhile.
   */
  @Test
  void installingKedaCreatesTheScaledObjectOnlyOnceTheHpaIsGone() {
    try (MockCluster cluster = MockCluster.with(AddOn.KARPENTER)) {
      cluster.create(AgentRuntimes.valid(NAMESPACE, "switch", POOL));
      var hpa =
          eventually()
              .until(
                  () -> get(cluster, HorizontalPodAutoscaler.class, "switch-inference"),
                  Objects::nonNull);
      cluster
          .client
          .resource(hpa)
          .edit(
              held -> {
                held.getMetadata().setFinalizers(List.of(HOLD));
                return held;
              });

      cluster.install(AddOn.KEDA);
      cluster.editSpec(NAMESPACE, "switch", spec -> spec.getInference().getReplicas().setMax(3));
      cluster.reconcileUntil(
          NAMESPACE,
          "switch",
          () ->
              get(cluster, HorizontalPodAutoscaler.class, "switch-inference")
                  .isMarkedForDeletion());
      awaitReconciles(cluster, "switch", spec -> spec.getInference().getReplicas().setMax(4));
      assertThat(get(cluster, ScaledObject.class, "switch-inference"))
          .as("a ScaledObject while the HPA still exists")
          .isNull();

      cluster
          .client
          .resource(get(cluster, HorizontalPodAutoscaler.class, "switch-inference"))
          .edit(
              released -> {
                released.getMetadata().setFinalizers(List.of());
                return released;
              });
      eventually()
          .until(() -> get(cluster, ScaledObject.class, "switch-inference"), Objects::nonNull);
    }
  }

  /**
   * Uninstalling KEDA hands the pool back to the operator's HPA once the HPA KEDA made is gone (the
   * garbage collector removes it after its ScaledObject, which went with KEDA's CRD).
   */
  @Test
  void uninstallingKedaCreatesTheHpaOnlyOnceKedasHpaIsGone() {
    try (MockCluster cluster = MockCluster.with(AddOn.KARPENTER, AddOn.KEDA)) {
      var cr = cluster.create(AgentRuntimes.valid(NAMESPACE, "back", POOL));
      var scaled =
          eventually()
              .until(() -> get(cluster, ScaledObject.class, "back-inference"), Objects::nonNull);
      cluster.create(kedaHpa(cr, scaled));

      cluster.client.resource(scaled).delete();
      cluster
          .client
          .apiextensions()
          .v1()
          .customResourceDefinitions()
          .withName(HasMetadata.getFullResourceName(ScaledObject.class))
          .delete();
      // The operator remembers a usable CRD while it runs; a new pod looks again.
      cluster.restartOperator();
      awaitReconciles(cluster, "back", spec -> spec.getInference().getReplicas().setMax(3));
      assertThat(get(cluster, HorizontalPodAutoscaler.class, "back-inference"))
          .as("the operator's HPA while KEDA's still exists")
          .isNull();

      cluster
          .client
          .resource(get(cluster, HorizontalPodAutoscaler.class, "keda-hpa-back-inference"))
          .delete();
      eventually()
          .until(
              () -> get(cluster, HorizontalPodAutoscaler.class, "back-inference"),
              Objects::nonNull);
    }
  }

  /** The HPA KEDA makes for {@code scaled}: its name, owned by it, targeting the Deployment. */
  private static HorizontalPodAutoscaler kedaHpa(AgentRuntime cr, ScaledObject scaled) {
    return new HorizontalPodAutoscalerBuilder()
        .withNewMetadata()
        .withName(ResourceNames.kedaInferenceHpa(cr))
        .withNamespace(NAMESPACE)
        .addToLabels("app.kubernetes.io/managed-by", "keda-operator")
        .addNewOwnerReference()
        .withApiVersion(scaled.getApiVersion())
        .withKind(scaled.getKind())
        .withName(scaled.getMetadata().getName())
        .withUid(scaled.getMetadata().getUid())
        .endOwnerReference()
        .endMetadata()
        .withNewSpec()
        .withNewScaleTargetRef()
        .withApiVersion("apps/v1")
        .withKind("Deployment")
        .withName(ResourceNames.inference(cr))
        .endScaleTargetRef()
        .withMaxReplicas(2)
        .endSpec()
        .build();
  }

  /** Changes the spec, then waits for two reconciliations after the change. */
  private static void awaitReconciles(
      MockCluster cluster, String name, Consumer<AgentRuntimeSpec> change) {
    int before = cluster.reconciles.of(name);
    cluster.editSpec(NAMESPACE, name, change);
    eventually().until(() -> cluster.reconciles.of(name) >= before + 2);
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
