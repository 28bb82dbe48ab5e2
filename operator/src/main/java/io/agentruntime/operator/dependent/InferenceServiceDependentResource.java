package io.agentruntime.operator.dependent;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.render.InferenceServiceRenderer;
import io.agentruntime.operator.render.Labels;
import io.agentruntime.operator.render.ResourceNames;
import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/**
 * The model servers' Service {@code <n>-inference}, which the runtime's inference intents call.
 *
 * <p>Owned by the AgentRuntime (garbage-collected with it).
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class InferenceServiceDependentResource extends OwnedDependentResource<Service> {

  /** The dependent's name in the workflow. */
  public static final String NAME = "inference-service";

  /** Creates the dependent for the reconciler's workflow. */
  public InferenceServiceDependentResource() {
    super(Service.class);
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
  protected Service desired(AgentRuntime cr, Context<AgentRuntime> context) {
    return InferenceServiceRenderer.render(cr);
  }
}
