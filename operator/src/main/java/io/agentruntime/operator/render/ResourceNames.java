package io.agentruntime.operator.render;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;

/** Names, ports and in-cluster addresses of everything rendered for an AgentRuntime. */
public final class ResourceNames {

  /** Port of the runtime container and Service. */
  public static final int RUNTIME_PORT = 8080;

  /**
   * Port of the runtime's {@code /healthz}, {@code /readyz} and {@code /metrics}, apart from the
   * API so that probes keep answering while the API port is flooded.
   */
  public static final int RUNTIME_MANAGEMENT_PORT = 8081;

  /** Port of the inference model server and its Service. */
  public static final int INFERENCE_PORT = 8000;

  /** Name of the HTTP port on containers and Services. */
  public static final String HTTP_PORT_NAME = "http";

  /** Name of the runtime's management port on its container and Service. */
  public static final String MANAGEMENT_PORT_NAME = "management";

  /** ConfigMap key holding the runtime's configuration file. */
  public static final String CONFIG_KEY = "runtime.yaml";

  private ResourceNames() {}

  /** Deployment, Service, ServiceAccount, HPA and PDB of the runtime: {@code <n>}. */
  public static String runtime(AgentRuntime cr) {
    return cr.getMetadata().getName();
  }

  /** The runtime's ConfigMap: {@code <n>-config}. */
  public static String config(AgentRuntime cr) {
    return runtime(cr) + "-config";
  }

  /** Deployment, Service and HPA of the inference pool: {@code <n>-inference}. */
  public static String inference(AgentRuntime cr) {
    return runtime(cr) + "-inference";
  }

  /** PersistentVolumeClaim caching model weights: {@code <n>-model-cache}. */
  public static String modelCache(AgentRuntime cr) {
    return runtime(cr) + "-model-cache";
  }

  /**
   * Cluster-scoped Karpenter NodePool of the inference pool: {@code <namespace>-<n>-gpu}, so two
   * namespaces may hold runtimes of the same name.
   */
  public static String gpuNodePool(AgentRuntime cr) {
    return cr.getMetadata().getNamespace() + "-" + runtime(cr) + "-gpu";
  }

  /** The runtime Service's in-cluster name, {@code <n>.<namespace>.svc.cluster.local}. */
  public static String runtimeHost(AgentRuntime cr) {
    return serviceHost(cr, runtime(cr));
  }

  /** URL callers dispatch to, reported in the status. */
  public static String dispatchEndpoint(AgentRuntime cr) {
    return "http://" + serviceHost(cr, runtime(cr)) + ":" + RUNTIME_PORT + "/dispatch";
  }

  /** Base URL of the inference pool's OpenAI-compatible API, as the runtime calls it. */
  public static String inferenceUrl(AgentRuntime cr) {
    return "http://" + serviceHost(cr, inference(cr)) + ":" + INFERENCE_PORT;
  }

  private static String serviceHost(AgentRuntime cr, String service) {
    return service + "." + cr.getMetadata().getNamespace() + ".svc.cluster.local";
  }
}
