package io.agentruntime.operator.dependent;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/**
 * Reconcile precondition of every dependent applied only for some specs: the spec wants the
 * dependent's entry of {@link io.agentruntime.operator.render.ManagedKind} on this cluster, and the
 * dependent may apply it now ({@link ManagedDependent#mayApplyNow}). When that stops being true the
 * workflow deletes the object applied for an earlier spec (JOSDK deletes a dependent whose
 * precondition does not hold, where it can).
 *
 * @param <R> the dependent's kind
 */
public final class SpecWants<R extends HasMetadata> implements Condition<R, AgentRuntime> {

  @Override
  public boolean isMet(
      DependentResource<R, AgentRuntime> dependent,
      AgentRuntime primary,
      Context<AgentRuntime> context) {
    var managed = (ManagedDependent) dependent;
    return managed
            .managedKind()
            .wantedBy(
                primary,
                WorkflowInputs.effectiveSpec(context),
                WorkflowInputs.of(context).installedAddOns(context))
        && managed.mayApplyNow(primary, context);
  }
}
