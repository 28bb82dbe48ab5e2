package io.agentruntime.operator.render;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.api.v1alpha1.InferenceSpec;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Karpenter NodePool of the inference pool ({@code <namespace>-<n>-gpu}, karpenter.sh/v1): GPU
 * nodes of the listed instance families, tainted so only model servers land there, capped at the
 * spec's GPU limit.
 *
 * <p>Karpenter only consolidates nodes that are empty, and model-server pods carry {@code
 * karpenter.sh/do-not-disrupt}, so a node is never taken from a busy model server to save cost.
 *
 * <p>A NodePool is cluster-scoped and cannot be owned by a namespaced AgentRuntime: it carries the
 * owner's namespace and name as labels, and the AgentRuntime's finalizer deletes it.
 */
public final class GpuNodePoolRenderer {

  /** API version of Karpenter's NodePool. */
  public static final String API_VERSION = "karpenter.sh/v1";

  /** Kind of Karpenter's NodePool. */
  public static final String KIND = "NodePool";

  /** Label naming the namespace of the AgentRuntime that owns a cluster-scoped object. */
  public static final String OWNER_NAMESPACE = "agentruntime.io/owner-namespace";

  /** Label naming the AgentRuntime that owns a cluster-scoped object. */
  public static final String OWNER_NAME = "agentruntime.io/owner-name";

  private static final String EMPTY_NODE_GRACE = "10m";

  private GpuNodePoolRenderer() {}

  /** The NodePool of {@code cr}'s model servers; call only when the spec asks to create one. */
  public static GenericKubernetesResource render(AgentRuntime cr) {
    InferenceSpec spec = InferenceDefaults.spec(cr);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "template",
        Map.of(
            "metadata",
            Map.of("labels", Labels.selector(cr, Component.INFERENCE)),
            "spec",
            nodeSpec(spec)));
    body.put(
        "limits",
        Map.of(
            InferenceDeploymentRenderer.GPU_RESOURCE,
            Integer.toString(InferenceDefaults.gpuLimit(spec))));
    body.put(
        "disruption",
        Map.of(
            "consolidationPolicy",
            "WhenEmpty",
            "consolidateAfter",
            EMPTY_NODE_GRACE,
            "budgets",
            List.of(Map.of("nodes", "1"))));
    return new GenericKubernetesResourceBuilder()
        .withApiVersion(API_VERSION)
        .withKind(KIND)
        .withMetadata(
            new ObjectMetaBuilder()
                .withName(ResourceNames.gpuNodePool(cr))
                .withLabels(Labels.of(cr, Component.INFERENCE))
                .addToLabels(ownerLabels(cr))
                .build())
        .withAdditionalProperties(Map.of("spec", body))
        .build();
  }

  /** The labels by which the AgentRuntime finds the cluster-scoped objects it owns. */
  public static Map<String, String> ownerLabels(AgentRuntime cr) {
    return Map.of(
        OWNER_NAMESPACE, cr.getMetadata().getNamespace(), OWNER_NAME, cr.getMetadata().getName());
  }

  private static Map<String, Object> nodeSpec(InferenceSpec spec) {
    Map<String, Object> node = new LinkedHashMap<>();
    node.put(
        "nodeClassRef",
        Map.of(
            "group", "karpenter.k8s.aws",
            "kind", "EC2NodeClass",
            "name", InferenceDefaults.nodeClassName(spec)));
    node.put(
        "requirements",
        List.of(
            requirement(
                "karpenter.k8s.aws/instance-family", InferenceDefaults.instanceFamilies(spec)),
            requirement(
                "karpenter.sh/capacity-type",
                List.of(InferenceDefaults.capacityType(spec).value())),
            requirement("kubernetes.io/arch", List.of("amd64"))));
    node.put(
        "taints",
        List.of(
            Map.of(
                "key", InferenceDeploymentRenderer.GPU_RESOURCE,
                "value", "true",
                "effect", "NoSchedule")));
    return node;
  }

  private static Map<String, Object> requirement(String key, List<String> values) {
    return Map.of("key", key, "operator", "In", "values", values);
  }
}
