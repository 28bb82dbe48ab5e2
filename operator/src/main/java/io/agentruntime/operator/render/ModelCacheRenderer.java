package io.agentruntime.operator.render;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.api.v1alpha1.ModelCacheSpec;
import io.agentruntime.operator.api.v1alpha1.VolumeAccessMode;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import java.util.Optional;

/**
 * The model cache ({@code <n>-model-cache}): a volume holding the downloaded weights, so a new or
 * restarted model server loads them from disk instead of the network.
 *
 * <p>One claim serves every replica. A pool that may run more than one replica asks for {@code
 * ReadWriteMany}, which needs a storage class that offers it (EFS on EKS); a single-replica pool
 * asks for {@code ReadWriteOnce} (EBS classes such as gp3). {@code modelCache.accessMode} says what
 * the class offers, and the CRD refuses ReadWriteOnce for a pool of more than one replica.
 */
public final class ModelCacheRenderer {

  private ModelCacheRenderer() {}

  /** The claim of {@code cr}'s model cache, if its inference section asks for one. */
  public static Optional<PersistentVolumeClaim> render(AgentRuntime cr, EffectiveSpec spec) {
    Optional<InferenceSettings> inference = spec.inference();
    Optional<VolumeAccessMode> accessMode = inference.flatMap(InferenceSettings::cacheAccessMode);
    if (accessMode.isEmpty()) {
      return Optional.empty();
    }
    ModelCacheSpec cache = inference.orElseThrow().modelCache();
    return Optional.of(
        new PersistentVolumeClaimBuilder()
            .withMetadata(
                RenderedMetadata.of(cr, ResourceNames.modelCache(cr), Component.INFERENCE))
            .withNewSpec()
            .withAccessModes(accessMode.get().value())
            .withStorageClassName(cache.getStorageClassName())
            .withNewResources()
            .addToRequests("storage", cache.getSize())
            .endResources()
            .endSpec()
            .build());
  }
}
