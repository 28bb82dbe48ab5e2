package io.agentruntime.operator.render;

import io.agentruntime.operator.addon.NodePool;
import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Karpenter NodePool of the inference pool ({@link ResourceNames#gpuNodePool},
 * karpenter.sh/v1): GPU nodes of the listed instance families, tainted so only model servers land
 * there, capped at the spec's GPU limit. Its nodes carry {@link Labels#NODE_POOL}, by which the
 * model servers select them; the NodePool object itself carries the standard labels, which
 * Karpenter leaves alone.
 *
 * <p>Karpenter only consolidates nodes that are empty, and model-server pods carry {@code
 * karpenter.sh/do-not-disrupt}, so a node is never taken from a busy model server to save cost.
 *
 * <p>A NodePool is cluster-scoped and cannot be owned by a namespaced AgentRuntime: it carries the
 * owner's namespace and name as labels, and the AgentRuntime's finalizer deletes it.
 */
public final class GpuNodePoolRenderer {

  /** Label naming the namespace of the AgentRuntime that owns a cluster-scoped object. */
  public static final String OWNER_NAMESPACE = "agentruntime.io/owner-namespace";

  /** Label naming the AgentRuntime that owns a cluster-scoped object. */
  public static final String OWNER_NAME = "agentruntime.io/owner-name";

  private static final String EMPTY_NODE_GRACE = "10m";

  private GpuNodePoolRenderer() {}

  /** The NodePool of {@code cr}'s model servers; call only when the spec asks to create one. */
  public static NodePool render(AgentRuntime cr, EffectiveSpec effective) {
    InferenceSettings spec = effective.inferencePool();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "template",
        OrderedFields.of(
            "metadata", OrderedFields.of("labels", Labels.gpuNodes(cr)), "spec", nodeSpec(spec)));
    body.put(
        "limits",
        OrderedFields.of(
            InferenceDeploymentRenderer.GPU_RESOURCE, Integer.toString(spec.gpuLimit())));
    body.put(
        "disruption",
        OrderedFields.of(
            "consolidationPolicy",
            "WhenEmpty",
            "consolidateAfter",
            EMPTY_NODE_GRACE,
            "budgets",
            List.of(OrderedFields.of("nodes", "1"))));
    NodePool pool = new NodePool();
    pool.setMetadata(
        new ObjectMetaBuilder()
            .withName(ResourceNames.gpuNodePool(cr))
            .withLabels(Labels.of(cr, Component.INFERENCE))
            .addToLabels(ownerLabels(cr))
            .build());
    pool.setSpec(body);
    return pool;
  }

  /** The labels by which the AgentRuntime finds the cluster-scoped objects it owns. */
  public static Map<String, String> ownerLabels(AgentRuntime cr) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(OWNER_NAMESPACE, cr.getMetadata().getNamespace());
    labels.put(OWNER_NAME, cr.getMetadata().getName());
    return labels;
  }

  private static Map<String, Object> nodeSpec(InferenceSettings spec) {
    Map<String, Object> node = new LinkedHashMap<>();
    node.put(
        "nodeClassRef",
        OrderedFields.of(
            "group", "karpenter.k8s.aws",
            "kind", "EC2NodeClass",
            "name", spec.nodeClassName()));
    node.put(
        "requirements",
        List.of(
            requirement("karpenter.k8s.aws/instance-family", spec.instanceFamilies()),
            requirement("karpenter.sh/capacity-type", List.of(spec.capacityType().value())),
            requirement("kubernetes.io/arch", List.of("amd64"))));
    node.put(
        "taints",
        List.of(
            OrderedFields.of(
                "key", InferenceDeploymentRenderer.GPU_RESOURCE,
                "value", "true",
                "effect", "NoSchedule")));
    return node;
  }

  private static Map<String, Object> requirement(String key, List<String> values) {
    return OrderedFields.of("key", key, "operator", "In", "values", values);
  }
}
