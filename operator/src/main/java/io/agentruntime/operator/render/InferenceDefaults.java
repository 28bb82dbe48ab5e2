package io.agentruntime.operator.render;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.api.v1alpha1.CapacityType;
import io.agentruntime.operator.api.v1alpha1.GpuSpec;
import io.agentruntime.operator.api.v1alpha1.InferenceReplicaBounds;
import io.agentruntime.operator.api.v1alpha1.InferenceSpec;
import io.agentruntime.operator.api.v1alpha1.InferenceUpgrade;
import io.agentruntime.operator.api.v1alpha1.MetricsScraperSpec;
import io.agentruntime.operator.api.v1alpha1.NodePoolSpec;
import io.agentruntime.operator.api.v1alpha1.VolumeAccessMode;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import java.util.List;
import java.util.Map;
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

  private InferenceDefaults() {}

  /**
   * The model-server container's resources besides its GPUs: the spec's when given (as a whole:
   * requests and limits are tuned together), else {@link #CPU_REQUEST_PER_GPU}, {@link
   * #CPU_LIMIT_PER_GPU} and {@link #MEMORY_GIB_PER_GPU} times the GPUs of a replica.
   */
  public static ResourceRequirements resources(InferenceSpec spec) {
    if (spec.getResources() != null) {
      return new ResourceRequirementsBuilder()
          .withRequests(spec.getResources().getRequests())
          .withLimits(spec.getResources().getLimits())
          .build();
    }
    int gpus = gpusPerReplica(spec);
    Quantity memory = new Quantity(MEMORY_GIB_PER_GPU * gpus + "Gi");
    return new ResourceRequirementsBuilder()
        .addToRequests("cpu", new Quantity(Integer.toString(CPU_REQUEST_PER_GPU * gpus)))
        .addToRequests("memory", memory)
        .addToLimits("cpu", new Quantity(Integer.toString(CPU_LIMIT_PER_GPU * gpus)))
        .addToLimits("memory", memory)
        .build();
  }

  /** Whether the model server runs as the image's own user; default false. */
  public static boolean runAsRoot(InferenceSpec spec) {
    return Boolean.TRUE.equals(spec.getRunAsRoot());
  }

  /** Namespace of the Prometheus pods admitted to scrape the model servers. */
  public static String metricsNamespace(InferenceSpec spec) {
    return scraper(spec, MetricsScraperSpec::getNamespace).orElse(METRICS_NAMESPACE);
  }

  /** Labels of the Prometheus pods admitted to scrape the model servers. */
  public static Map<String, String> metricsPodLabels(InferenceSpec spec) {
    return scraper(spec, MetricsScraperSpec::getPodLabels)
        .filter(labels -> !labels.isEmpty())
        .orElse(METRICS_POD_LABELS);
  }

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
    InferenceUpgrade upgrade = upgrade(spec);
    if (upgrade != InferenceUpgrade.AUTO) {
      return upgrade;
    }
    boolean spareReplica =
        createsNodePool(spec) && gpuLimit(spec) >= (maxReplicas(spec) + 1) * gpusPerReplica(spec);
    return spareReplica ? InferenceUpgrade.SURGE : InferenceUpgrade.RECREATE;
  }

  /**
   * How the model servers are upgraded as the spec asks, {@link InferenceUpgrade#AUTO} if unset.
   */
  public static InferenceUpgrade upgrade(InferenceSpec spec) {
    return Optional.ofNullable(spec.getUpgrade()).orElse(InferenceUpgrade.AUTO);
  }

  private static <T> Optional<T> replicas(
      InferenceSpec spec, Function<InferenceReplicaBounds, T> getter) {
    return Optional.ofNullable(spec.getReplicas()).map(getter);
  }

  private static <T> Optional<T> gpu(InferenceSpec spec, Function<GpuSpec, T> getter) {
    return Optional.ofNullable(spec.getGpu()).map(getter);
  }

  private static <T> Optional<T> scraper(
      InferenceSpec spec, Function<MetricsScraperSpec, T> getter) {
    return Optional.ofNullable(spec.getMetricsScraper()).map(getter);
  }

  private static <T> Optional<T> nodePool(InferenceSpec spec, Function<NodePoolSpec, T> getter) {
    return Optional.ofNullable(spec.getNodePool()).map(getter);
  }
}
