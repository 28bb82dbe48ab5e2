package io.agentruntime.operator.reconciler;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/** AgentRuntime fixtures as users write them. */
final class AgentRuntimes {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  /**
   * A GPU inference pool, as {@link #valid(String, String, String)} takes it: scale to zero, a
   * NodePool of 8 GPUs, a model cache.
   */
  static final String INFERENCE_POOL =
      """
      inference:
        image: vllm/vllm-openai:v0.11.0
        model: meta-llama/Llama-3.1-8B-Instruct
        replicas: {min: 0, max: 2}
        nodePool: {gpuLimit: 8}
        modelCache: {size: 100Gi, storageClassName: efs}
      """;

  private AgentRuntimes() {}

  /** A valid AgentRuntime with an HTTP and an echo intent and replica bounds 2-5. */
  static AgentRuntime valid(String namespace, String name) {
    return valid(namespace, name, "");
  }

  /**
   * The {@link #valid(String, String)} AgentRuntime with the spec fields of {@code specYaml} added,
   * written as directly under {@code spec:} (e.g. {@code "mesh: {mtls: STRICT}"}).
   */
  static AgentRuntime valid(String namespace, String name, String specYaml) {
    return SERIALIZATION.unmarshal(
        """
        apiVersion: agentruntime.io/v1alpha1
        kind: AgentRuntime
        metadata:
          name: %s
          namespace: %s
        spec:
          image: ghcr.io/agentruntime/runtime:0.1.0
          replicas: {min: 2, max: 5}
          intents:
            - name: lookup_order
              backend: {url: "http://orders.shop.svc.cluster.local:8080/lookup"}
              timeout: 2s
            - name: echo
              backend: {echo: {}}
              timeout: 1s
        """
                .formatted(name, namespace)
            + specYaml.indent(2),
        AgentRuntime.class);
  }
}
