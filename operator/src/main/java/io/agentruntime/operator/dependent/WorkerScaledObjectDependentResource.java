package io.agentruntime.operator.dependent;

import io.agentruntime.operator.addon.ScaledObject;
import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.render.Labels;
import io.agentruntime.operator.render.ManagedKind;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * KEDA's ScaledObject {@code <n>-worker}, where KEDA is installed ({@link CrdInstalled}), created
 * only once the operator's HPA of the workers is gone ({@link AutoscalerHandover}).
 *
 * <p>Owned by the AgentRuntime (garbage-collected with it).
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class WorkerScaledObjectDependentResource extends OwnedDependentResource<ScaledObject> {

  /** The dependent's name in the workflow. */
  public static final String NAME = "worker-scaled-object";

  /** Creates the dependent for the reconciler's workflow. */
  public WorkerScaledObjectDependentResource() {
    super(ScaledObject.class, ManagedKind.WORKER_SCALED_OBJECT);
  }

  @Override
  public boolean mayApplyNow(AgentRuntime cr, Context<AgentRuntime> context) {
    return AutoscalerHandover.scaledObjectMayApply(AutoscalerHandover.Scaled.WORKER, cr, context);
  }
}
