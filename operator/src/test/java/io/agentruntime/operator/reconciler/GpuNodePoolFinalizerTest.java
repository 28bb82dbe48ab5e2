package io.agentruntime.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentruntime.operator.addon.AddOn;
import io.agentruntime.operator.addon.NodePool;
import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.helm.ApiRequest;
import io.agentruntime.operator.render.ResourceNames;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import java.util.List;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;

/**
 * The AgentRuntime's finalizer exists only while its GPU NodePool may: an AgentRuntime without one
 * never gets it, so deleting it (or its namespace) does not wait for the operator.
 */
class GpuNodePoolFinalizerTest {

  private static final String NAMESPACE = "gpu";
  private static final String FINALIZER = "agentruntimes.agentruntime.io/finalizer";

  private static final String POOL = AgentRuntimes.INFERENCE_POOL;

  @Test
  void anAgentRuntimeWithoutANodePoolNeverCarriesTheFinalizerAndGoesWithTheOperatorDown() {
    try (MockCluster cluster = MockCluster.with(AddOn.KARPENTER)) {
      cluster.create(AgentRuntimes.valid(NAMESPACE, "plain"));
      eventually().until(() -> deployment(cluster, "plain") != null);
      int reconciled = cluster.reconciles.of("plain");
      cluster.editSpec(NAMESPACE, "plain", spec -> spec.getReplicas().setMax(6));
      eventually().until(() -> cluster.reconciles.of("plain") > reconciled);

      assertThat(cluster.get(NAMESPACE, "plain").getFinalizers()).isEmpty();
      assertThat(patchesOf(cluster, "plain")).as("writes to the AgentRuntime itself").isEmpty();

      cluster.operator.stop();
      cluster.client.resource(cluster.get(NAMESPACE, "plain")).delete();
      eventually().until(() -> cluster.get(NAMESPACE, "plain") == null);
    }
  }

  @Test
  void anAgentRuntimeWithoutANodePoolLosesTheFinalizerAnOlderOperatorLeft() {
    try (MockCluster cluster = MockCluster.with(AddOn.KARPENTER)) {
      var cr = AgentRuntimes.valid(NAMESPACE, "older");
      cr.getMetadata().setFinalizers(List.of(FINALIZER));
      cluster.create(cr);

      eventually().until(() -> cluster.get(NAMESPACE, "older").getFinalizers().isEmpty());
    }
  }

  @Test
  void theFinalizerComesBeforeTheNodePoolAndGoesAfterIt() {
    try (MockCluster cluster = MockCluster.with(AddOn.KARPENTER)) {
      var cr = cluster.create(AgentRuntimes.valid(NAMESPACE, "pool", POOL));
      eventually().until(() -> nodePool(cluster, cr) != null);
      assertThat(cluster.get(NAMESPACE, "pool").getFinalizers()).containsExactly(FINALIZER);

      cluster.editSpec(
          NAMESPACE, "pool", spec -> spec.getInference().getNodePool().setCreate(false));
      eventually().until(() -> nodePool(cluster, cr) == null);
      eventually().until(() -> cluster.get(NAMESPACE, "pool").getFinalizers().isEmpty());

      var requests = cluster.operatorRequests();
      int finalizerAdded = requests.indexOf(patchesOf(cluster, "pool").getFirst());
      int finalizerRemoved = requests.lastIndexOf(patchesOf(cluster, "pool").getLast());
      assertThat(finalizerAdded)
          .as("finalizer added before the NodePool is created")
          .isLessThan(requests.indexOf(nodePoolRequest(requests, "create")));
      assertThat(finalizerRemoved)
          .as("finalizer removed after the NodePool is deleted")
          .isGreaterThan(requests.indexOf(nodePoolRequest(requests, "delete")));
    }
  }

  private static List<ApiRequest> patchesOf(MockCluster cluster, String name) {
    return cluster.operatorRequests().stream()
        .filter(request -> "agentruntimes".equals(request.resource()))
        .filter(request -> name.equals(request.name()) && request.subresource() == null)
        .filter(request -> request.verb().equals("patch") || request.verb().equals("update"))
        .toList();
  }

  private static ApiRequest nodePoolRequest(List<ApiRequest> requests, String verb) {
    return requests.stream()
        .filter(request -> "nodepools".equals(request.resource()) && verb.equals(request.verb()))
        .findFirst()
        .orElseThrow();
  }

  private static NodePool nodePool(MockCluster cluster, AgentRuntime cr) {
    return cluster.client.resources(NodePool.class).withName(ResourceNames.gpuNodePool(cr)).get();
  }

  private static Deployment deployment(MockCluster cluster, String name) {
    return cluster.client.apps().deployments().inNamespace(NAMESPACE).withName(name).get();
  }

  private static ConditionFactory eventually() {
    return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50));
  }
}
