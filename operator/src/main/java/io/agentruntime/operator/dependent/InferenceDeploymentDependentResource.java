package io.agentruntime.operator.dependent;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.render.InferenceDeploymentRenderer;
import io.agentruntime.operator.render.Labels;
import io.agentruntime.operator.render.ResourceNames;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/**
 * The model servers' Deployment {@code <n>-inference}, without {@code spec.replicas} so its
 * autoscaler owns the scale.
 *
 * <p>Owned by the AgentRuntime (garbage-collected with it); the informer sees only objects this
 * operator manages.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class InferenceDeploymentDependentResource extends OwnedDependentResource<Deployment> {

  /** The dependent's name in the workflow. */
  public static final String NAME = "inference-deployment";

  /** Creates the dependent for the reconciler's workflow. */
  public InferenceDeploymentDependentResource() {
    super(Deployment.class);
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
  protected Deployment desired(AgentRuntime cr, Context<AgentRuntime> context) {
    return InferenceDeploymentRenderer.render(cr);
  }
}
