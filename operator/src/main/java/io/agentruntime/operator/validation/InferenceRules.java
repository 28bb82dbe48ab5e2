package io.agentruntime.operator.validation;

import io.agentruntime.operator.api.v1alpha1.GpuSpec;
import io.agentruntime.operator.api.v1alpha1.InferenceSpec;
import io.agentruntime.operator.api.v1alpha1.NodePoolSpec;
import java.util.List;

/** The optional GPU inference pool. */
final class InferenceRules {

  private static final String FIELD = "spec.inference.";

  private InferenceRules() {}

  static void check(InferenceSpec inference, FieldChecks checks) {
    if (inference == null) {
      return;
    }
    checks.required(FIELD + "image", inference.getImage());
    checks.required(FIELD + "model", inference.getModel());
    if (inference.getReplicas() != null) {
      checks.replicaBounds(
          FIELD + "replicas",
          inference.getReplicas().getMin(),
          inference.getReplicas().getMax(),
          0,
          100);
    }
    checkGpu(inference.getGpu(), checks);
    checkNodePool(inference, checks);
    if (inference.getModelCache() != null
        && checks.required(FIELD + "modelCache.size", inference.getModelCache().getSize())) {
      checks.positiveQuantity(FIELD + "modelCache.size", inference.getModelCache().getSize());
    }
  }

  private static void checkGpu(GpuSpec gpu, FieldChecks checks) {
    if (gpu == null) {
      return;
    }
    checks.range(FIELD + "gpu.count", gpu.getCount(), 1, 16);
    List<String> families = gpu.getInstanceFamilies();
    for (int i = 0; families != null && i < families.size(); i++) {
      checks.required(FIELD + "gpu.instanceFamilies[" + i + "]", families.get(i));
    }
  }

  private static void checkNodePool(InferenceSpec inference, FieldChecks checks) {
    NodePoolSpec nodePool = inference.getNodePool();
    if (nodePool == null || nodePool.getGpuLimit() == null) {
      return;
    }
    int perReplica =
        inference.getGpu() == null || inference.getGpu().getCount() == null
            ? 1
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
