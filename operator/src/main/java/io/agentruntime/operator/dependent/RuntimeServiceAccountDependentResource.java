package io.agentruntime.operator.dependent;

import io.agentruntime.operator.render.Labels;
import io.agentruntime.operator.render.ManagedKind;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * The runtime pods' ServiceAccount {@code <n>}.
 *
 * <p>Owned by the AgentRuntime (garbage-collected with it); the informer sees only objects this
 * operator manages.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class RuntimeServiceAccountDependentResource extends OwnedDependentResource<ServiceAccount> {

  /** The dependent's name in the workflow. */
  public static final String NAME = "runtime-service-account";

  /** Creates the dependent for the reconciler's workflow. */
  public RuntimeServiceAccountDependentResource() {
    super(ServiceAccount.class, ManagedKind.RUNTIME_SERVICE_ACCOUNT);
  }
}
