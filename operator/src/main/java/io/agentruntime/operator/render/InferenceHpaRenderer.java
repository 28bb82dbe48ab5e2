package io.agentruntime.operator.render;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;

/**
 * The model servers' HorizontalPodAutoscaler ({@code <n>-inference}), used where KEDA is not
 * installed. CPU says nothing about a GPU server's load, so it scales on the requests waiting in
 * each server's queue, a per-pod metric that the Prometheus adapter serves from vLLM's {@code
 * vllm:num_requests_waiting} (docs/inference.md has the adapter rule). Without KEDA the pool never
 * scales to zero: an HPA keeps at least one replica.
 */
public final class InferenceHpaRenderer {

  /** The per-pod metric the Prometheus adapter exposes to the HPA. */
  public static final String QUEUE_METRIC = "vllm_num_requests_waiting";

  private InferenceHpaRenderer() {}

  /** The autoscaler of {@code cr}'s model servers. */
  public static HorizontalPodAutoscaler render(AgentRuntime cr, EffectiveSpec effective) {
    InferenceSettings spec = effective.inferencePool();
    return new HorizontalPodAutoscalerBuilder()
        .withMetadata(RenderedMetadata.of(cr, ResourceNames.inference(cr), Component.INFERENCE))
        .withNewSpec()
        .withNewScaleTargetRef()
        .withApiVersion("apps/v1")
        .withKind("Deployment")
        .withName(ResourceNames.inference(cr))
        .endScaleTargetRef()
        .withMinReplicas(Math.max(1, spec.minReplicas()))
        .withMaxReplicas(spec.maxReplicas())
        .addNewMetric()
        .withType("Pods")
        .withNewPods()
        .withNewMetric()
        .withName(QUEUE_METRIC)
        .endMetric()
        .withNewTarget()
        .withType("AverageValue")
        .withAverageValue(new Quantity(Integer.toString(InferenceDefaults.QUEUE_DEPTH_TARGET)))
        .endTarget()
        .endPods()
        .endMetric()
        // A new model server takes minutes to load: add replicas early, remove them late.
        .withNewBehavior()
        .withNewScaleUp()
        .withStabilizationWindowSeconds(0)
        .endScaleUp()
        .withNewScaleDown()
        .withStabilizationWindowSeconds(InferenceDefaults.SCALE_DOWN_STABILIZATION_SECONDS)
        .endScaleDown()
        .endBehavior()
        .endSpec()
        .build();
  }
}
