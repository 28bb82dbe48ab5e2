package io.agentruntime.operator.dependent;

import io.agentruntime.operator.render.Labels;
import io.agentruntime.operator.render.ManagedKind;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * The workers' Deployment {@code <n>-worker}: the runtime's image in its worker role.
 *
 * <p>Owned by the AgentRuntime (garbage-collected with it).
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class WorkerDeploymentDependentResource extends OwnedDependentResource<Deployment> {

  /** The dependent's name in the workflow. */
  public static final String NAME = "worker-deployment";

  /** Creates the dependent for the reconciler's workflow. */
  public WorkerDeploymentDependentResource() {
    super(Deployment.class, ManagedKind.WORKER_DEPLOYMENT);
  }
}
