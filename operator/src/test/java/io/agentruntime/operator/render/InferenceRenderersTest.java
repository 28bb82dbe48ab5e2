package io.agentruntime.operator.render;

import static io.agentruntime.operator.render.AgentRuntimeFixtures.withSpec;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class InferenceRenderersTest {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private static final String POOL =
      """
      image: ghcr.io/agentruntime/runtime:0.1.0
      intents:
        - name: call_reasoning
          backend: {inference: {}}
        - name: lookup_order
          backend: {url: "http://orders.shop.svc.cluster.local:8080/lookup"}
      inference:
        image: vllm/vllm-openai:v0.11.0
        model: meta-llama/Llama-3.1-8B-Instruct
      """;

  @Test
  void modelServersRunOnTheGpuPoolWithCacheSharedMemoryAndHealthGates() {
    AgentRuntime cr =
        withSpec(
            POOL
                + """
                  gpu: {count: 2}
                  args: ["--max-model-len=8192"]
                  modelCache: {size: 100Gi, storageClassName: efs}
                """);

    Deployment deployment = AgentRuntimeFixtures.rendered(cr, InferenceDeploymentRenderer::render);
    PodSpec pod = deployment.getSpec().getTemplate().getSpec();
    Container server = pod.getContainers().getFirst();

    assertThat(deployment.getMetadata().getName()).isEqualTo("support-inference");
    assertThat(deployment.getSpec().getReplicas()).as("the autoscaler owns the count").isNull();
    assertThat(server.getArgs())
        .containsExactly(
            "--model=meta-llama/Llama-3.1-8B-Instruct",
            "--port=8000",
            "--tensor-parallel-size=2",
            "--max-model-len=8192");
    assertThat(server.getResources().getLimits())
        .containsEntry("nvidia.com/gpu", new Quantity("2"));
    assertThat(pod.getTolerations())
        .anySatisfy(toleration -> assertThat(toleration.getKey()).isEqualTo("nvidia.com/gpu"));
    assertThat(pod.getNodeSelector())
        .as("the label the NodePool's template gives its nodes")
        .isEqualTo(
            Map.of(
                "agentruntime.io/node-pool",
                AgentRuntimeFixtures.rendered(cr, GpuNodePoolRenderer::render)
                    .getMetadata()
                    .getName()));
    assertThat(volume(pod, "model-cache").getPersistentVolumeClaim().getClaimName())
        .isEqualTo("support-model-cache");
    assertThat(volume(pod, "dshm").getEmptyDir().getMedium()).isEqualTo("Memory");
    assertThat(volume(pod, "dshm").getEmptyDir().getSizeLimit()).isEqualTo(new Quantity("4Gi"));
    assertThat(server.getStartupProbe().getHttpGet().getPath()).isEqualTo("/health");
    assertThat(
            server.getStartupProbe().getPeriodSeconds()
                * server.getStartupProbe().getFailureThreshold())
        .as("seconds a model may take to download and load")
        .isGreaterThanOrEqualTo(1800);
    assertThat(server.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/health");
    assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
        .containsEntry("karpenter.sh/do-not-disrupt", "true");
  }

  @Test
  void withoutAModelCacheEveryPodDownloadsIntoScratchSpace() {
    AgentRuntime cr = withSpec(POOL);

    PodSpec pod =
        AgentRuntimeFixtures.rendered(cr, InferenceDeploymentRenderer::render)
            .getSpec()
            .getTemplate()
            .getSpec();

    assertThat(volume(pod, "model-cache").getEmptyDir()).isNotNull();
    assertThat(AgentRuntimeFixtures.rendered(cr, ModelCacheRenderer::render)).isEmpty();
  }

  @Test
  void autoUpgradeSurgesOnlyWhenTheGpuLimitLeavesRoomForOneMoreReplica() {
    String roomy = POOL + "  replicas: {max: 3}\n  nodePool: {gpuLimit: 4}\n";
    String full = POOL + "  replicas: {max: 4}\n  nodePool: {gpuLimit: 4}\n";
    String unmanaged = POOL + "  replicas: {max: 1}\n  nodePool: {create: false, gpuLimit: 8}\n";

    assertThat(strategy(roomy)).isEqualTo("RollingUpdate");
    assertThat(strategy(full)).isEqualTo("Recreate");
    assertThat(strategy(unmanaged)).as("capacity unknown").isEqualTo("Recreate");
    assertThat(strategy(full + "  upgrade: Surge\n")).isEqualTo("RollingUpdate");
    assertThat(strategy(roomy + "  upgrade: Recreate\n")).isEqualTo("Recreate");
  }

  @Test
  void aSharedCacheOfSeveralReplicasNeedsReadWriteMany() {
    String cache = "  modelCache: {size: 100Gi, storageClassName: efs}\n";

    assertThat(accessModes(POOL + "  replicas: {max: 1}\n" + cache))
        .containsExactly("ReadWriteOnce");
    assertThat(accessModes(POOL + "  replicas: {max: 2}\n" + cache))
        .containsExactly("ReadWriteMany");
    assertThat(
            accessModes(
                POOL
                    + "  replicas: {max: 1}\n"
                    + "  modelCache: {size: 100Gi, storageClassName: efs, accessMode: ReadWriteMany}\n"))
        .as("the class's mode as the spec states it")
        .containsExactly("ReadWriteMany");
  }

  /**
   * EBS classes, which offer ReadWriteOnce only: a pool of more than one model server cannot get
   * its shared cache from them.
   */
  private static final Set<String> EBS_CLASSES = Set.of("gp2", "gp3", "io1", "io2", "st1", "sc1");

  @ParameterizedTest
  @MethodSource("io.agentruntime.operator.render.AgentRuntimeFixtures#exampleNames")
  void everyExampleCachesOnAClassThatCanServeItsModelServers(String example) {
    AgentRuntime cr = AgentRuntimeFixtures.example(example);
    var claim =
        cr.getSpec().getInference() == null
            ? Optional.<PersistentVolumeClaim>empty()
            : AgentRuntimeFixtures.rendered(cr, ModelCacheRenderer::render);

    if (claim.isPresent() && claim.get().getSpec().getAccessModes().contains("ReadWriteMany")) {
      assertThat(claim.get().getSpec().getStorageClassName())
          .as("an EBS class never binds a ReadWriteMany claim")
          .isNotIn(EBS_CLASSES);
    }
  }

  @Test
  void theHpaScalesOnQueueDepthAndNeverToZero() {
    var spec =
        AgentRuntimeFixtures.rendered(
                withSpec(POOL + "  replicas: {min: 0, max: 3}\n"), InferenceHpaRenderer::render)
            .getSpec();

    assertThat(spec.getScaleTargetRef().getName()).isEqualTo("support-inference");
    assertThat(spec.getMinReplicas()).isEqualTo(1);
    assertThat(spec.getMaxReplicas()).isEqualTo(3);
    assertThat(spec.getMetrics().getFirst().getPods().getMetric().getName())
        .isEqualTo("vllm_num_requests_waiting");
  }

  @Test
  void kedaScalesToZeroAndIsWokenByTheRuntimesDemand() {
    GenericKubernetesResource scaled =
        generic(
            AgentRuntimeFixtures.rendered(
                withSpec(POOL + "  replicas: {min: 0, max: 3}\n"),
                (cr, spec) ->
                    InferenceScaledObjectRenderer.render(
                        cr, spec, new RenderSettings(URI.create("http://prometheus:9090")))));
    Map<String, Object> spec = scaled.get("spec");
    List<Map<String, Object>> triggers = scaled.get("spec", "triggers");

    assertThat(scaled.getApiVersion()).isEqualTo("keda.sh/v1alpha1");
    assertThat(spec).containsEntry("minReplicaCount", 0).containsEntry("maxReplicaCount", 3);
    assertThat(triggers)
        .extracting(trigger -> trigger.get("name"))
        .containsExactly("queue", "demand");
    @SuppressWarnings("unchecked")
    Map<String, String> demand = (Map<String, String>) triggers.get(1).get("metadata");
    assertThat(demand.get("query"))
        .contains("agent_dispatch_requests_total", "intent=~\"call_reasoning\"")
        .doesNotContain("lookup_order");
    assertThat(demand).containsEntry("activationThreshold", "0");
  }

  @Test
  void theNodePoolOffersTaintedGpuNodesUpToTheLimitAndOnlyConsolidatesEmptyOnes() {
    GenericKubernetesResource pool =
        generic(
            AgentRuntimeFixtures.rendered(
                withSpec(
                    POOL
                        + """
                      gpu: {count: 1, instanceFamilies: [g6e], capacityType: spot}
                      nodePool: {nodeClassName: gpu, gpuLimit: 6}
                    """),
                GpuNodePoolRenderer::render));

    assertThat(pool.getMetadata().getName()).isEqualTo(ResourceNames.gpuNodePool(withSpec(POOL)));
    assertThat(pool.getMetadata().getNamespace()).as("cluster-scoped").isNull();
    assertThat(pool.getMetadata().getLabels())
        .containsEntry("agentruntime.io/owner-namespace", "agents")
        .containsEntry("agentruntime.io/owner-name", "support");
    assertThat((Object) pool.get("spec", "limits", "nvidia.com/gpu")).isEqualTo("6");
    assertThat((Object) pool.get("spec", "disruption", "consolidationPolicy"))
        .isEqualTo("WhenEmpty");
    assertThat((Object) pool.get("spec", "template", "spec", "nodeClassRef", "name"))
        .isEqualTo("gpu");
    List<Map<String, Object>> requirements = pool.get("spec", "template", "spec", "requirements");
    assertThat(requirements)
        .contains(
            Map.of(
                "key",
                "karpenter.k8s.aws/instance-family",
                "operator",
                "In",
                "values",
                List.of("g6e")),
            Map.of(
                "key", "karpenter.sh/capacity-type", "operator", "In", "values", List.of("spot")));
  }

  @Test
  void theNodePoolLabelsItsNodesOutsideTheDomainsKarpenterReserves() {
    AgentRuntime cr = withSpec(POOL);
    GenericKubernetesResource pool =
        generic(AgentRuntimeFixtures.rendered(cr, GpuNodePoolRenderer::render));

    Map<String, String> nodeLabels = pool.get("spec", "template", "metadata", "labels");
    assertThat(nodeLabels)
        .as("Karpenter 1.0 to 1.8 refuse template labels in kubernetes.io, k8s.io, karpenter.sh")
        .isEqualTo(Map.of("agentruntime.io/node-pool", pool.getMetadata().getName()));
    assertThat(
            AgentRuntimeFixtures.rendered(cr, InferenceDeploymentRenderer::render)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getNodeSelector())
        .isEqualTo(nodeLabels);
    assertThat(pool.getMetadata().getLabels())
        .as("the NodePool object itself keeps the standard labels the informers select by")
        .containsEntry("app.kubernetes.io/managed-by", "agent-runtime-operator");
  }

  /** The object as the API server would hold it, navigable by path. */
  private static GenericKubernetesResource generic(HasMetadata object) {
    return SERIALIZATION.convertValue(object, GenericKubernetesResource.class);
  }

  private static String strategy(String specYaml) {
    return AgentRuntimeFixtures.rendered(withSpec(specYaml), InferenceDeploymentRenderer::render)
        .getSpec()
        .getStrategy()
        .getType();
  }

  private static List<String> accessModes(String specYaml) {
    return AgentRuntimeFixtures.rendered(withSpec(specYaml), ModelCacheRenderer::render)
        .orElseThrow()
        .getSpec()
        .getAccessModes();
  }

  private static Volume volume(PodSpec pod, String name) {
    return pod.getVolumes().stream()
        .filter(v -> v.getName().equals(name))
        .findFirst()
        .orElseThrow();
  }
}
