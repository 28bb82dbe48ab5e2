package io.agentruntime.operator.dependent;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.render.EffectiveSpec;
import io.agentruntime.operator.render.InstalledAddOns;
import io.agentruntime.operator.render.RenderSettings;
import io.javaoperatorsdk.operator.api.reconciler.Context;

/**
 * What the dependents and their conditions read besides the AgentRuntime: the operator's own
 * settings and its view of the add-ons' CRDs. JOSDK instantiates dependents and conditions itself,
 * so the reconciler hands these over through the context of each reconciliation ({@link #put})
 * before it runs the workflow, with the reconciled AgentRuntime's effective spec, built once.
 *
 * @param settings what renderers need of the operator's installation
 * @param crds the operator's lookups of the add-ons' CRDs
 */
public record WorkflowInputs(RenderSettings settings, CrdLookups crds) {

  private static final String KEY = WorkflowInputs.class.getName();
  private static final String SPEC_KEY = EffectiveSpec.class.getName();

  /** The inputs the reconciler put into {@code context}. */
  public static WorkflowInputs of(Context<AgentRuntime> context) {
    return context
        .managedWorkflowAndDependentResourceContext()
        .getMandatory(KEY, WorkflowInputs.class);
  }

  /** The effective spec of the AgentRuntime {@code context} reconciles ({@link #put}). */
  public static EffectiveSpec effectiveSpec(Context<AgentRuntime> context) {
    return context
        .managedWorkflowAndDependentResourceContext()
        .getMandatory(SPEC_KEY, EffectiveSpec.class);
  }

  /**
   * Makes these inputs, and {@code spec} (the reconciled AgentRuntime's, defaults applied), those
   * of the reconciliation {@code context} belongs to.
   */
  public void put(Context<AgentRuntime> context, EffectiveSpec spec) {
    context.managedWorkflowAndDependentResourceContext().put(KEY, this);
    context.managedWorkflowAndDependentResourceContext().put(SPEC_KEY, spec);
  }

  /** The add-ons of the cluster {@code context}'s client reaches, as far as they are usable. */
  public InstalledAddOns installedAddOns(Context<AgentRuntime> context) {
    return crds.installedAddOns(context.getClient());
  }
}
