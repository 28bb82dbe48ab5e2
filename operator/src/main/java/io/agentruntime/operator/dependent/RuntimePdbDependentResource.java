package io.agentruntime.operator.dependent;

import io.agentruntime.operator.render.Labels;
import io.agentruntime.operator.render.ManagedKind;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * The runtime's policy/v1 PodDisruptionBudget {@code <n>} (minAvailable 1).
 *
 * <p>Owned by the AgentRuntime (garbage-collected with it); the informer sees only objects this
 * operator manages.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class RuntimePdbDependentResource extends OwnedDependentResource<PodDisruptionBudget> {

  /** The dependent's name in the workflow. */
  public static final String NAME = "runtime-pdb";

  /** Creates the dependent for the reconciler's workflow. */
  public RuntimePdbDependentResource() {
    super(PodDisruptionBudget.class, ManagedKind.RUNTIME_PDB);
  }
}
