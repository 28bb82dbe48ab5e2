package io.agentruntime.operator.dependent;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/**
 * Activation condition of the dependents whose kind comes from an optional add-on (Istio,
 * Karpenter, KEDA, prometheus-operator): the operator can use the kind's CRD ({@link CrdLookups}).
 * Until it can, the dependent is skipped and no informer watches its kind, so the operator runs
 * without the add-on, and an older add-on (one whose CRD lacks the version the operator writes) is
 * reported in the status instead of failing every reconciliation with 404.
 *
 * @param <R> the dependent's kind
 */
public final class CrdInstalled<R extends HasMetadata> implements Condition<R, AgentRuntime> {

  @Override
  public boolean isMet(
      DependentResource<R, AgentRuntime> dependent,
      AgentRuntime primary,
      Context<AgentRuntime> context) {
    return WorkflowInputs.of(context).crds().usable(context.getClient(), dependent.resourceType());
  }
}
