package io.agentruntime.operator.dependent;

import io.agentruntime.operator.addon.ScaledObject;
import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.render.Labels;
import io.agentruntime.operator.render.ManagedKind;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * KEDA's ScaledObject {@code <n>-inference}, where KEDA is installed ({@link CrdInstalled}).
 *
 * <p>Created only once the operator's HPA of the pool is gone ({@link AutoscalerHandover}), since
 * KEDA's webhook refuses a ScaledObject whose Deployment another HPA targets. KEDA's triggers query
 * the Prometheus of the operator's settings. Owned by the AgentRuntime (garbage-collected with it).
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class InferenceScaledObjectDependentResource extends OwnedDependentResource<ScaledObject> {

  /** The dependent's name in the workflow. */
  public static final String NAME = "inference-scaled-object";

  /** Creates the dependent for the reconciler's workflow. */
  public InferenceScaledObjectDependentResource() {
    super(ScaledObject.class, ManagedKind.INFERENCE_SCALED_OBJECT);
  }

  @Override
  public boolean mayApplyNow(AgentRuntime cr, Context<AgentRuntime> context) {
    return AutoscalerHandover.scaledObjectMayApply(
        AutoscalerHandover.Scaled.INFERENCE, cr, context);
  }
}
