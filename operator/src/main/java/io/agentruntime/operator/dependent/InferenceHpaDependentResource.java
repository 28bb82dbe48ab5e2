package io.agentruntime.operator.dependent;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.render.InferenceHpaRenderer;
import io.agentruntime.operator.render.Labels;
import io.agentruntime.operator.render.ResourceNames;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/**
 * The model servers' HorizontalPodAutoscaler {@code <n>-inference}, where KEDA is not installed
 * ({@link InferenceHpaWanted}).
 *
 * <p>Owned by the AgentRuntime (garbage-collected with it).
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class InferenceHpaDependentResource extends OwnedDependentResource<HorizontalPodAutoscaler> {

  /** The dependent's name in the workflow. */
  public static final String NAME = "inference-hpa";

  /** Creates the dependent for the reconciler's workflow. */
  public InferenceHpaDependentResource() {
    super(HorizontalPodAutoscaler.class);
  }

  /**
   * The object's name without rendering it: JOSDK looks it up to delete it once the spec drops the
   * inference section, when there is nothing to render.
   */
  @Override
  protected ResourceID targetSecondaryResourceID(AgentRuntime cr, Context<AgentRuntime> context) {
    return new ResourceID(ResourceNames.inference(cr), cr.getMetadata().getNamespace());
  }

  @Override
  protected HorizontalPodAutoscaler desired(AgentRuntime cr, Context<AgentRuntime> context) {
    return InferenceHpaRenderer.render(cr);
  }
}
