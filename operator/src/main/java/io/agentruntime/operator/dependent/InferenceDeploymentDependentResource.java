package io.agentruntime.operator.dependent;

import io.agentruntime.operator.render.Labels;
import io.agentruntime.operator.render.ManagedKind;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

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
    super(Deployment.class, ManagedKind.INFERENCE_DEPLOYMENT);
  }
}
