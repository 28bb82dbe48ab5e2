package io.agentruntime.operator.reconciler;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.render.Labels;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;

/**
 * Deletes the GPU NodePool of an AgentRuntime being deleted, then lets the AgentRuntime go by
 * removing its finalizer ({@link GpuNodePoolFinalizer}). Karpenter drains a NodePool's nodes before
 * it disappears, so the NodePool is looked at again every {@link
 * GpuNodePoolFinalizer#RELEASE_RECHECK} until it is gone.
 *
 * <p>It receives every event of every AgentRuntime ({@code triggerReconcilerOnAllEvents}): only
 * that way does JOSDK hand an AgentRuntime marked for deletion to a controller without a {@code
 * Cleaner}. Every other event is ignored; the AgentRuntime controller does the rest.
 */
@ControllerConfiguration(
    name = GpuNodePoolCleanupReconciler.NAME,
    fieldManager = Labels.OPERATOR_NAME,
    triggerReconcilerOnAllEvents = true)
public class GpuNodePoolCleanupReconciler implements Reconciler<AgentRuntime> {

  /** The controller's name, as it appears in logs and metrics. */
  public static final String NAME = "agentruntime-gpu-node-pool-cleanup";

  @Override
  public UpdateControl<AgentRuntime> reconcile(AgentRuntime cr, Context<AgentRuntime> context) {
    if (context.isPrimaryResourceDeleted() || !cr.isMarkedForDeletion()) {
      return UpdateControl.noUpdate();
    }
    return GpuNodePoolFinalizer.release(cr, context.getClient())
        ? UpdateControl.noUpdate()
        : UpdateControl.<AgentRuntime>noUpdate()
            .rescheduleAfter(GpuNodePoolFinalizer.RELEASE_RECHECK);
  }
}
