package io.agentruntime.operator.render;

import io.agentruntime.operator.api.v1alpha1.InferenceUpgrade;
import java.util.List;
import java.util.Map;

/**
 * The defaults of the inference pool that have a name of their own, applied by {@link
 * InferenceSettings}.
 */
public final class InferenceDefaults {

  /** GPU node families tried when the spec lists none: current and previous NVIDIA generations. */
  public static final List<String> INSTANCE_FAMILIES = List.of("g6", "g5");

  /** The EC2NodeClass a created NodePool refers to when the spec names none. */
  public static final String NODE_CLASS = "default";

  /** Requests waiting in one model server's queue that make the autoscaler add a replica. */
  public static final int QUEUE_DEPTH_TARGET = 4;

  /** How long load must stay low before a model server (and its GPU) is released. */
  public static final int SCALE_DOWN_STABILIZATION_SECONDS = 600;

  /**
   * CPUs requested per GPU when the spec sets no resources: tokenization, scheduling and the HTTP
   * server run on the CPU; a g6.xlarge or g5.xlarge (one GPU, 4 vCPUs) keeps room for its daemons.
   */
  public static final int CPU_REQUEST_PER_GPU = 2;

  /** CPUs a model server may burst to per GPU when the spec sets no resources. */
  public static final int CPU_LIMIT_PER_GPU = 4;

  /**
   * Memory per GPU, requested and the limit, when the spec sets no resources: what loading an 8B
   * model's weights through host memory needs, within a 16 GiB one-GPU node. Equal request and
   * limit, so the pod is never the first evicted under memory pressure for exceeding its request.
   */
  public static final int MEMORY_GIB_PER_GPU = 12;

  /** The user (and group) model servers run as, unless {@code runAsRoot}. */
  public static final long MODEL_SERVER_UID = 10001L;

  /** Namespace of the Prometheus pods the model servers' NetworkPolicy admits by default. */
  public static final String METRICS_NAMESPACE = "monitoring";

  /** Labels of the Prometheus pods admitted by default: prometheus-operator's. */
  public static final Map<String, String> METRICS_POD_LABELS = Map.of(Labels.NAME, "prometheus");

  /** How a new model-server version rolls out when the spec says nothing. */
  public static final InferenceUpgrade UPGRADE = InferenceUpgrade.AUTO;

  private InferenceDefaults() {}
}
