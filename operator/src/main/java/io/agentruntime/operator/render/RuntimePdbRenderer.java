package io.agentruntime.operator.render;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;

/** The runtime's PodDisruptionBudget ({@code <n>}): node drains always leave one pod serving. */
public final class RuntimePdbRenderer {

  private RuntimePdbRenderer() {}

  /** The disruption budget of {@code cr}'s runtime pods. */
  public static PodDisruptionBudget render(AgentRuntime cr) {
    return new PodDisruptionBudgetBuilder()
        .withMetadata(RenderedMetadata.of(cr, ResourceNames.runtime(cr), Component.RUNTIME))
        .withNewSpec()
        .withMinAvailable(new IntOrString(1))
        .withNewSelector()
        .withMatchLabels(Labels.selector(cr, Component.RUNTIME))
        .endSelector()
        // A pod that never became ready protects nothing; let drains evict it.
        .withUnhealthyPodEvictionPolicy("AlwaysAllow")
        .endSpec()
        .build();
  }
}
