package io.agentruntime.operator.dependent;

import io.agentruntime.operator.addon.TriggerAuthentication;
import io.agentruntime.operator.render.Labels;
import io.agentruntime.operator.render.ManagedKind;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * KEDA's TriggerAuthentication {@code <n>-worker}, where KEDA is installed ({@link CrdInstalled}).
 *
 * <p>Owned by the AgentRuntime (garbage-collected with it).
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class WorkerTriggerAuthenticationDependentResource
    extends OwnedDependentResource<TriggerAuthentication> {

  /** The dependent's name in the workflow. */
  public static final String NAME = "worker-trigger-authentication";

  /** Creates the dependent for the reconciler's workflow. */
  public WorkerTriggerAuthenticationDependentResource() {
    super(TriggerAuthentication.class, ManagedKind.WORKER_TRIGGER_AUTHENTICATION);
  }
}
