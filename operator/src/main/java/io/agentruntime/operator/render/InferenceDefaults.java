package io.agentruntime.operator.render;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.api.v1alpha1.CapacityType;
import io.agentruntime.operator.api.v1alpha1.GpuSpec;
import io.agentruntime.operator.api.v1alpha1.InferenceReplicaBounds;
import io.agentruntime.operator.api.v1alpha1.InferenceSpec;
import io.agentruntime.operator.api.v1alpha1.InferenceUpgrade;
import io.agentruntime.operator.api.v1alpha1.NodePoolSpec;
import io.agentruntime.operator.api.v1alpha1.VolumeAccessMode;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The inference pool's settings with their defaults applied, read from the spec and never written
 * back into it.
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

  private InferenceDefaults() {}

  /** The inference section of {@code cr}; call only when it has one. */
  public static InferenceSpec spec(AgentRuntime cr) {
    return cr.getSpec().getInference();
  }

  /** Fewest model-server replicas as written (0 = scale to zero when idle); default 1. */
  public static int minReplicas(InferenceSpec spec) {
    return replicas(spec, InferenceReplicaBounds::getMin).orElse(1);
  }

  /** Most model-server replicas; default 4. */
  public static int maxReplicas(InferenceSpec spec) {
    return replicas(spec, InferenceReplicaBounds::getMax).orElse(4);
  }

  /** GPUs per replica; default 1. */
  public static int gpusPerReplica(InferenceSpec spec) {
    return gpu(spec, GpuSpec::getCount).orElse(1);
  }

  /** Instance families a created NodePool may launch. */
  public static List<String> instanceFamilies(InferenceSpec spec) {
    return gpu(spec, GpuSpec::getInstanceFamilies)
        .filter(families -> !families.isEmpty())
        .orElse(INSTANCE_FAMILIES);
  }

  /** on-demand unless the spec asks for spot. */
  public static CapacityType capacityType(InferenceSpec spec) {
    return gpu(spec, GpuSpec::getCapacityType).orElse(CapacityType.ON_DEMAND);
  }

  /** Whether the operator creates (and owns) a Karpenter NodePool for the pool; default true. */
  public static boolean createsNodePool(InferenceSpec spec) {
    return nodePool(spec, NodePoolSpec::getCreate).orElse(true);
  }

  /** The EC2NodeClass of a created NodePool. */
  public static String nodeClassName(InferenceSpec spec) {
    return nodePool(spec, NodePoolSpec::getNodeClassName).orElse(NODE_CLASS);
  }

  /**
   * The most GPUs the pool's nodes may hold: the spec's limit, else exactly what {@code max}
   * replicas need.
   */
  public static int gpuLimit(InferenceSpec spec) {
    return nodePool(spec, NodePoolSpec::getGpuLimit)
        .orElse(maxReplicas(spec) * gpusPerReplica(spec));
  }

  /**
   * The model cache's access mode: the one the spec says its storage class offers, else
   * ReadWriteMany when more than one model server may share it, else ReadWriteOnce. Call only when
   * the spec has a model cache.
   */
  public static VolumeAccessMode cacheAccessMode(InferenceSpec spec) {
    return Optional.ofNullable(spec.getModelCache().getAccessMode())
        .orElse(
            maxReplicas(spec) > 1
                ? VolumeAccessMode.READ_WRITE_MANY
                : VolumeAccessMode.READ_WRITE_ONCE);
  }

  /**
   * How a new model-server version rolls out. {@code Auto} surges only when the NodePool's GPU
   * limit leaves room for one replica beyond the most the autoscaler may run, so a rollout at full
   * scale cannot wait forever for a GPU; otherwise, and whenever the pool's capacity is unknown (no
   * created NodePool), it recreates.
   */
  public static InferenceUpgrade effectiveUpgrade(InferenceSpec spec) {
    InferenceUpgrade upgrade = Optional.ofNullable(spec.getUpgrade()).orElse(InferenceUpgrade.AUTO);
    if (upgrade != InferenceUpgrade.AUTO) {
      return upgrade;
    }
    boolean spareReplica =
        createsNodePool(spec) && gpuLimit(spec) >= (maxReplicas(spec) + 1) * gpusPerReplica(spec);
    return spareReplica ? InferenceUpgrade.SURGE : InferenceUpgrade.RECREATE;
  }

  private static <T> Optional<T> replicas(
      InferenceSpec spec, Function<InferenceReplicaBounds, T> getter) {
    return Optional.ofNullable(spec.getReplicas()).map(getter);
  }

  private static <T> Optional<T> gpu(InferenceSpec spec, Function<GpuSpec, T> getter) {
    return Optional.ofNullable(spec.getGpu()).map(getter);
  }

  private static <T> Optional<T> nodePool(InferenceSpec spec, Function<NodePoolSpec, T> getter) {
    return Optional.ofNullable(spec.getNodePool()).map(getter);
  }
}
