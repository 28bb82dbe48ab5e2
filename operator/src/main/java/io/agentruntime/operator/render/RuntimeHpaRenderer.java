package io.agentruntime.operator.render;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;

/**
 * The runtime's HorizontalPodAutoscaler ({@code <n>}, autoscaling/v2): CPU-driven with the original
 * system's target and cooldowns unless the spec overrides them.
 */
public final class RuntimeHpaRenderer {

  private RuntimeHpaRenderer() {}

  /** The autoscaler of {@code cr}'s runtime Deployment. */
  public static HorizontalPodAutoscaler render(AgentRuntime cr, EffectiveSpec spec) {
    EffectiveSpec.Scaling scaling = spec.scaling();
    return new HorizontalPodAutoscalerBuilder()
        .withMetadata(RenderedMetadata.of(cr, ResourceNames.runtime(cr), Component.RUNTIME))
        .withNewSpec()
        .withNewScaleTargetRef()
        .withApiVersion("apps/v1")
        .withKind("Deployment")
        .withName(ResourceNames.runtime(cr))
        .endScaleTargetRef()
        .withMinReplicas(scaling.minReplicas())
        .withMaxReplicas(scaling.maxReplicas())
        .addNewMetric()
        .withType("Resource")
        .withNewResource()
        .withName("cpu")
        .withNewTarget()
        .withType("Utilization")
        .withAverageUtilization(scaling.targetCpuUtilization())
        .endTarget()
        .endResource()
        .endMetric()
        .withNewBehavior()
        .withNewScaleUp()
        .withStabilizationWindowSeconds(scaling.scaleUpStabilizationSeconds())
        .endScaleUp()
        .withNewScaleDown()
        .withStabilizationWindowSeconds(scaling.scaleDownStabilizationSeconds())
        .endScaleDown()
        .endBehavior()
        .endSpec()
        .build();
  }
}
