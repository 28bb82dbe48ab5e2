package io.agentruntime.operator.dependent;

import io.agentruntime.operator.render.Labels;
import io.agentruntime.operator.render.ManagedKind;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * The workers' ServiceAccount {@code <n>-worker}, their AWS identity apart from the runtime's.
 *
 * <p>Owned by the AgentRuntime (garbage-collected with it).
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class WorkerServiceAccountDependentResource extends OwnedDependentResource<ServiceAccount> {

  /** The dependent's name in the workflow. */
  public static final String NAME = "worker-service-account";

  /** Creates the dependent for the reconciler's workflow. */
  public WorkerServiceAccountDependentResource() {
    super(ServiceAccount.class, ManagedKind.WORKER_SERVICE_ACCOUNT);
  }
}
