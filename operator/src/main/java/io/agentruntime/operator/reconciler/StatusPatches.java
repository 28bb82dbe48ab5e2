package io.agentruntime.operator.reconciler;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import java.util.function.Supplier;

/**
 * Writes a custom resource's status and keeps the written resource in JOSDK's cache.
 *
 * <p>JOSDK 5 does not cache what {@code UpdateControl.patchStatus} wrote: a reconciliation that
 * starts before the informer delivers the write would see the previous status, take unchanged
 * conditions for transitions, stamp them again and write once more. Caching the response (with
 * optimistic locking, as JOSDK requires for it) makes the next reconciliation start from the status
 * just written.
 */
final class StatusPatches {

  private StatusPatches() {}

  /**
   * Writes {@code status} as the status of {@code cr}, by Server-Side Apply unless off.
   *
   * @param blank creates an empty resource of {@code cr}'s kind, the body of the apply patch
   */
  static <P extends CustomResource<?, S>, S> void write(
      P cr, S status, Context<P> context, Supplier<P> blank) {
    boolean serverSideApply =
        context
            .getControllerConfiguration()
            .getConfigurationService()
            .useSSAToPatchPrimaryResource();
    if (serverSideApply) {
      PrimaryUpdateAndCacheUtils.ssaPatchStatusAndCacheResource(
          cr, statusOnly(cr, status, blank), context);
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
  private static <P extends CustomResource<?, S>, S> P statusOnly(
      P cr, S status, Supplier<P> blank) {
    var patch = blank.get();
    patch.setMetadata(
        new ObjectMetaBuilder()
            .withName(cr.getMetadata().getName())
            .withNamespace(cr.getMetadata().getNamespace())
            .build());
    patch.setStatus(status);
    return patch;
  }
}
