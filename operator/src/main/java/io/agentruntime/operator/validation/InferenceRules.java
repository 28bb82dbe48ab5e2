package io.agentruntime.operator.validation;

import io.agentruntime.operator.api.v1alpha1.GpuSpec;
import io.agentruntime.operator.api.v1alpha1.InferenceSpec;
import io.agentruntime.operator.api.v1alpha1.NodePoolSpec;

/**
 * The optional GPU inference pool: what the CRD schema cannot say. The schema states the required
 * fields, the replica and GPU bounds (and, in CEL, min not above max).
 */
final class InferenceRules {

  private static final String FIELD = "spec.inference.";

  private InferenceRules() {}

  static void check(InferenceSpec inference, FieldChecks checks) {
    if (inference == null) {
      return;
    }
    checkNodePool(inference, checks);
    if (inference.getModelCache() != null) {
      checks.positiveQuantity(FIELD + "modelCache.size", inference.getModelCache().getSize());
    }
  }

  private static void checkNodePool(InferenceSpec inference, FieldChecks checks) {
    NodePoolSpec nodePool = inference.getNodePool();
    if (nodePool == null || nodePool.getGpuLimit() == null) {
      return;
    }
    int perReplica =
        inference.getGpu() == null || inference.getGpu().getCount() == null
            ? GpuSpec.DEFAULT_COUNT
            : inference.getGpu().getCount();
    if (nodePool.getGpuLimit() < perReplica) {
      checks.fail(
          FIELD + "nodePool.gpuLimit",
          "must be at least the GPUs of one replica ("
              + perReplica
              + "), got "
              + nodePool.getGpuLimit());
    }
  }
}
