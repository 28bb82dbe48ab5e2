package io.agentruntime.operator.dependent;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.render.Labels;
import io.agentruntime.operator.render.ManagedKind;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * The workers' HorizontalPodAutoscaler {@code <n>-worker}, where KEDA is not installed, created
 * only once the HPA KEDA made is gone ({@link AutoscalerHandover}).
 *
 * <p>Owned by the AgentRuntime (garbage-collected with it).
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class WorkerHpaDependentResource extends OwnedDependentResource<HorizontalPodAutoscaler> {

  /** The dependent's name in the workflow. */
  public static final String NAME = "worker-hpa";

  /** Creates the dependent for the reconciler's workflow. */
  public WorkerHpaDependentResource() {
    super(HorizontalPodAutoscaler.class, ManagedKind.WORKER_HPA);
  }

  @Override
  public boolean mayApplyNow(AgentRuntime cr, Context<AgentRuntime> context) {
    return AutoscalerHandover.hpaMayApply(AutoscalerHandover.Scaled.WORKER, cr, context);
  }
}
