package io.agentruntime.operator.render;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;

/**
 * The workers' HorizontalPodAutoscaler ({@code <n>-worker}) where KEDA is not installed: without a
 * queue-depth metric it follows CPU, and keeps at least one worker so queued dispatches always run.
 * KEDA's ScaledObject replaces it where KEDA is installed.
 */
public final class WorkerHpaRenderer {

  private WorkerHpaRenderer() {}

  /** The autoscaler of {@code cr}'s workers. */
  public static HorizontalPodAutoscaler render(AgentRuntime cr, EffectiveSpec spec) {
    return new HorizontalPodAutoscalerBuilder()
        .withMetadata(RenderedMetadata.of(cr, ResourceNames.worker(cr), Component.WORKER))
        .withNewSpec()
        .withNewScaleTargetRef()
        .withApiVersion("apps/v1")
        .withKind("Deployment")
        .withName(ResourceNames.worker(cr))
        .endScaleTargetRef()
        .withMinReplicas(spec.asyncSettings().minWorkers(false))
        .withMaxReplicas(spec.asyncSettings().maxWorkers())
        .addNewMetric()
        .withType("Resource")
        .withNewResource()
        .withName("cpu")
        .withNewTarget()
        .withType("Utilization")
        .withAverageUtilization(AgentRuntimeDefaults.TARGET_CPU_UTILIZATION)
        .endTarget()
        .endResource()
        .endMetric()
        .withNewBehavior()
        .withNewScaleDown()
        .withStabilizationWindowSeconds(AgentRuntimeDefaults.SCALE_DOWN_STABILIZATION_SECONDS)
        .endScaleDown()
        .endBehavior()
        .endSpec()
        .build();
  }
}
