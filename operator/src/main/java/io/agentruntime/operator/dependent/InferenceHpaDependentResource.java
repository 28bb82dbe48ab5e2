package io.agentruntime.operator.dependent;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.render.Labels;
import io.agentruntime.operator.render.ManagedKind;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * The model servers' HorizontalPodAutoscaler {@code <n>-inference}, where KEDA is not installed,
 * created only once the HPA KEDA made is gone ({@link AutoscalerHandover}). Once KEDA is installed
 * this HPA is deleted, and its ScaledObject takes over when it is gone.
 *
 * <p>Owned by the AgentRuntime (garbage-collected with it).
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class InferenceHpaDependentResource extends OwnedDependentResource<HorizontalPodAutoscaler> {

  /** The dependent's name in the workflow. */
  public static final String NAME = "inference-hpa";

  /** Creates the dependent for the reconciler's workflow. */
  public InferenceHpaDependentResource() {
    super(HorizontalPodAutoscaler.class, ManagedKind.INFERENCE_HPA);
  }

  @Override
  public boolean mayApplyNow(AgentRuntime cr, Context<AgentRuntime> context) {
    return AutoscalerHandover.hpaMayApply(AutoscalerHandover.Scaled.INFERENCE, cr, context);
  }
}
