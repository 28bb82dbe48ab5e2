package io.agentruntime.operator.reconciler;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.api.v1alpha1.AgentRuntimeStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;

/**
 * Writes an AgentRuntime's status and keeps the written resource in JOSDK's cache.
 *
 * <p>JOSDK 5 does not cache what {@code UpdateControl.patchStatus} wrote: a reconciliation that
 * starts before the informer delivers the write would see the previous status, take unchanged
 * conditions for transitions, stamp them again and write once more. Caching the response (with
 * optimistic locking, as JOSDK requires for it) makes the next reconciliation start from the status
 * just written.
 */
final class StatusPatches {

  private StatusPatches() {}

  /** Writes {@code status} as the status of {@code cr}, by Server-Side Apply unless off. */
  static void write(AgentRuntime cr, AgentRuntimeStatus status, Context<AgentRuntime> context) {
    boolean serverSideApply =
        context
            .getControllerConfiguration()
            .getConfigurationService()
            .useSSAToPatchPrimaryResource();
    if (serverSideApply) {
      PrimaryUpdateAndCacheUtils.ssaPatchStatusAndCacheResource(
          cr, statusOnly(cr, status), context);
    } else {
      // A JSON patch computed against the resource as read, as JOSDK itself does without SSA.
      PrimaryUpdateAndCacheUtils.patchStatusAndCacheResource(
          cr,
          context,
          latest -> {
            latest.setStatus(status);
            return latest;
          });
    }
  }

  /**
   * A fresh resource carrying only identity and status: with Server-Side Apply the operator then
   * claims the status fields alone, and never sends the spec back.
   */
  private static AgentRuntime statusOnly(AgentRuntime cr, AgentRuntimeStatus status) {
    var patch = new AgentRuntime();
    patch.setMetadata(
        new ObjectMetaBuilder()
            .withName(cr.getMetadata().getName())
            .withNamespace(cr.getMetadata().getNamespace())
            .build());
    patch.setStatus(status);
    return patch;
  }
}
