package io.agentruntime.operator.dependent;

import io.agentruntime.operator.render.Labels;
import io.agentruntime.operator.render.ManagedKind;
import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * The runtime Service {@code <n>} (port 8080, {@code http}).
 *
 * <p>Owned by the AgentRuntime (garbage-collected with it); the informer sees only objects this
 * operator manages.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class RuntimeServiceDependentResource extends OwnedDependentResource<Service> {

  /** The dependent's name in the workflow. */
  public static final String NAME = "runtime-service";

  /** Creates the dependent for the reconciler's workflow. */
  public RuntimeServiceDependentResource() {
    super(Service.class, ManagedKind.RUNTIME_SERVICE);
  }
}
