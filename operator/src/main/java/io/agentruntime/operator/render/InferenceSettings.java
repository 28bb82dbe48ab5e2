package io.agentruntime.operator.render;

import io.agentruntime.operator.api.v1alpha1.CapacityType;
import io.agentruntime.operator.api.v1alpha1.GpuSpec;
import io.agentruntime.operator.api.v1alpha1.InferenceReplicaBounds;
import io.agentruntime.operator.api.v1alpha1.InferenceSpec;
import io.agentruntime.operator.api.v1alpha1.InferenceUpgrade;
import io.agentruntime.operator.api.v1alpha1.MetricsScraperSpec;
import io.agentruntime.operator.api.v1alpha1.ModelCacheSpec;
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
 * The inference pool with every default applied ({@link InferenceDefaults} holds the values).
 *
 * @param written the section as written (image, model, cache size and class)
 * @param minReplicas fewest model servers as written (0 = scale to zero when idle)
 * @param maxReplicas most model servers
 * @param gpusPerReplica GPUs of each model server
 * @param instanceFamilies instance families a created NodePool may launch
 * @param capacityType on-demand unless the spec asks for spot
 * @param createsNodePool whether the operator creates (and owns) a Karpenter NodePool
 * @param nodeClassName the EC2NodeClass of a created NodePool
 * @param gpuLimit the most GPUs the pool's nodes may hold: the spec's, else what {@code
 *     maxReplicas} need
 * @param cacheAccessMode the model cache's access mode, when the spec has a cache
 * @param upgrade how a new version rolls out, {@code Auto} resolved ({@link #upgradeOf})
 * @param resources the model-server container's resources besides its GPUs
 * @param runAsRoot whether the model server runs as the image's own user
 * @param metricsNamespace namespace of the Prometheus pods admitted to scrape the model servers
 * @param metricsPodLabels labels of the Prometheus pods admitted to scrape the model servers
 */
public record InferenceSettings(
    InferenceSpec written,
    int minReplicas,
    int maxReplicas,
    int gpusPerReplica,
    List<String> instanceFamilies,
    CapacityType capacityType,
    boolean createsNodePool,
    String nodeClassName,
    int gpuLimit,
    Optional<VolumeAccessMode> cacheAccessMode,
    InferenceUpgrade upgrade,
    ResourceRequirements resources,
    boolean runAsRoot,
    String metricsNamespace,
    Map<String, String> metricsPodLabels) {

  /** The pool of {@code spec}, defaults applied. */
  public static InferenceSettings of(InferenceSpec spec) {
    int max = field(spec.getReplicas(), InferenceReplicaBounds::getMax).orElse(4);
    int gpus = field(spec.getGpu(), GpuSpec::getCount).orElse(GpuSpec.DEFAULT_COUNT);
    boolean createsNodePool = field(spec.getNodePool(), NodePoolSpec::getCreate).orElse(true);
    int gpuLimit = field(spec.getNodePool(), NodePoolSpec::getGpuLimit).orElse(max * gpus);
    return new InferenceSettings(
        spec,
        field(spec.getReplicas(), InferenceReplicaBounds::getMin).orElse(1),
        max,
        gpus,
        field(spec.getGpu(), GpuSpec::getInstanceFamilies)
            .filter(families -> !families.isEmpty())
            .orElse(InferenceDefaults.INSTANCE_FAMILIES),
        field(spec.getGpu(), GpuSpec::getCapacityType).orElse(CapacityType.ON_DEMAND),
        createsNodePool,
        field(spec.getNodePool(), NodePoolSpec::getNodeClassName)
            .orElse(InferenceDefaults.NODE_CLASS),
        gpuLimit,
        Optional.ofNullable(spec.getModelCache())
            .map(
                cache ->
                    Optional.ofNullable(cache.getAccessMode())
                        .orElse(
                            max > 1
                                ? VolumeAccessMode.READ_WRITE_MANY
                                : VolumeAccessMode.READ_WRITE_ONCE)),
        upgradeOf(
            Optional.ofNullable(spec.getUpgrade()).orElse(InferenceDefaults.UPGRADE),
            createsNodePool && gpuLimit >= (max + 1) * gpus),
        resources(spec, gpus),
        Boolean.TRUE.equals(spec.getRunAsRoot()),
        field(spec.getMetricsScraper(), MetricsScraperSpec::getNamespace)
            .orElse(InferenceDefaults.METRICS_NAMESPACE),
        field(spec.getMetricsScraper(), MetricsScraperSpec::getPodLabels)
            .filter(labels -> !labels.isEmpty())
            .orElse(InferenceDefaults.METRICS_POD_LABELS));
  }

  /** The model cache as written; call only when the spec has one. */
  public ModelCacheSpec modelCache() {
    return Optional.ofNullable(written.getModelCache())
        .orElseThrow(() -> new IllegalStateException("spec.inference.modelCache is not set"));
  }

  /**
   * How a new model-server version rolls out. {@code Auto} surges only when the NodePool's GPU
   * limit leaves room for one replica beyond the most the autoscaler may run, so a rollout at full
   * scale cannot wait forever for a GPU; otherwise, and whenever the pool's capacity is unknown (no
   * created NodePool), it recreates.
   */
  static InferenceUpgrade upgradeOf(InferenceUpgrade asked, boolean spareReplica) {
    if (asked != InferenceUpgrade.AUTO) {
      return asked;
    }
    return spareReplica ? InferenceUpgrade.SURGE : InferenceUpgrade.RECREATE;
  }

  /**
   * The model-server container's resources besides its GPUs: the spec's when given (as a whole:
   * requests and limits are tuned together), else {@link InferenceDefaults#CPU_REQUEST_PER_GPU},
   * {@link InferenceDefaults#CPU_LIMIT_PER_GPU} and {@link InferenceDefaults#MEMORY_GIB_PER_GPU}
   * times the GPUs of a replica.
   */
  private static ResourceRequirements resources(InferenceSpec spec, int gpus) {
    if (spec.getResources() != null) {
      return new ResourceRequirementsBuilder()
          .withRequests(spec.getResources().getRequests())
          .withLimits(spec.getResources().getLimits())
          .build();
    }
    Quantity memory = new Quantity(InferenceDefaults.MEMORY_GIB_PER_GPU * gpus + "Gi");
    return new ResourceRequirementsBuilder()
        .addToRequests(
            "cpu", new Quantity(Integer.toString(InferenceDefaults.CPU_REQUEST_PER_GPU * gpus)))
        .addToRequests("memory", memory)
        .addToLimits(
            "cpu", new Quantity(Integer.toString(InferenceDefaults.CPU_LIMIT_PER_GPU * gpus)))
        .addToLimits("memory", memory)
        .build();
  }

  private static <S, T> Optional<T> field(S section, Function<S, T> getter) {
    return Optional.ofNullable(section).map(getter);
  }
}
