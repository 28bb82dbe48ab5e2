package io.agentruntime.operator.render;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

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

  /**
   * Most characters of a label value, and so of a NodePool's name: Karpenter labels the pool's
   * nodes with it ({@code karpenter.sh/nodepool}), and so does {@link Labels#NODE_POOL}.
   */
  public static final int MAX_LABEL_VALUE_LENGTH = 63;

  /** Hex digits of the owner's hash in a NodePool's name: 32 bits. */
  static final int OWNER_HASH_LENGTH = 8;

  private static final String GPU_NODE_POOL_SUFFIX = "-gpu-";

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

  /**
   * The HorizontalPodAutoscaler KEDA makes for the inference pool's ScaledObject: {@code
   * keda-hpa-<n>-inference}, KEDA's name for it when the ScaledObject names none.
   */
  public static String kedaInferenceHpa(AgentRuntime cr) {
    return "keda-hpa-" + inference(cr);
  }

  /**
   * Deployment, ServiceAccount, autoscaler and TriggerAuthentication of the workers running
   * long-running dispatches: {@code <n>-worker}.
   */
  public static String worker(AgentRuntime cr) {
    return runtime(cr) + "-worker";
  }

  /** The HorizontalPodAutoscaler KEDA makes for the workers' ScaledObject. */
  public static String kedaWorkerHpa(AgentRuntime cr) {
    return "keda-hpa-" + worker(cr);
  }

  /** PersistentVolumeClaim caching model weights: {@code <n>-model-cache}. */
  public static String modelCache(AgentRuntime cr) {
    return runtime(cr) + "-model-cache";
  }

  /**
   * Cluster-scoped Karpenter NodePool of the inference pool: {@code <namespace>-<n>-gpu-<hash>},
   * where {@code <hash>} is the first 8 hex digits of the SHA-256 of {@code <namespace>/<n>}.
   *
   * <p>The hash keeps runtimes whose names read alike apart ({@code team-a/x} and {@code team/a-x}
   * both read {@code team-a-x}), and the readable part is cut so that the name fits the 63
   * characters of a label value, which it also is.
   */
  public static String gpuNodePool(AgentRuntime cr) {
    String namespace = cr.getMetadata().getNamespace();
    String suffix = GPU_NODE_POOL_SUFFIX + ownerHash(namespace + "/" + runtime(cr));
    String readable = namespace + "-" + runtime(cr);
    int room = MAX_LABEL_VALUE_LENGTH - suffix.length();
    if (readable.length() > room) {
      // A cut may end on a dash: drop it, so the name never holds "--" before the suffix.
      readable = readable.substring(0, room).replaceAll("-+$", "");
    }
    return readable + suffix;
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

  private static String ownerHash(String owner) {
    byte[] digest = Sha256.newDigest().digest(owner.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest).substring(0, OWNER_HASH_LENGTH);
  }

  private static String serviceHost(AgentRuntime cr, String service) {
    return service + "." + cr.getMetadata().getNamespace() + ".svc.cluster.local";
  }
}
