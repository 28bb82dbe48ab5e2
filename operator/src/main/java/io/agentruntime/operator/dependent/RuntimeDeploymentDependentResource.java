package io.agentruntime.operator.dependent;

import io.agentruntime.operator.render.Labels;
import io.agentruntime.operator.render.ManagedKind;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * The runtime Deployment {@code <n>}, without {@code spec.replicas} so the HPA owns the scale.
 *
 * <p>Owned by the AgentRuntime (garbage-collected with it); the informer sees only objects this
 * operator manages.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class RuntimeDeploymentDependentResource extends OwnedDependentResource<Deployment> {

  /** The dependent's name in the workflow. */
  public static final String NAME = "runtime-deployment";

  /** Creates the dependent for the reconciler's workflow. */
  public RuntimeDeploymentDependentResource() {
    super(Deployment.class, ManagedKind.RUNTIME_DEPLOYMENT);
  }
}
