package io.agentruntime.operator.reconciler;

import io.agentruntime.operator.addon.NodePool;
import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.dependent.CrdLookups;
import io.agentruntime.operator.render.EffectiveSpec;
import io.agentruntime.operator.render.Labels;
import io.agentruntime.operator.render.ManagedKind;
import io.agentruntime.operator.render.ResourceNames;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import java.time.Duration;

/**
 * The AgentRuntime's finalizer, held exactly while the AgentRuntime may have a GPU NodePool: added
 * just before the NodePool is created, removed once the NodePool is gone (deleted with the
 * AgentRuntime, or no longer asked for). An AgentRuntime without a NodePool never carries it, so
 * deleting one (or its namespace) never waits for the operator.
 *
 * <p>Why the operator manages this finalizer itself: JOSDK 5.2.3 puts its finalizer on every
 * primary of a controller that is a {@code Cleaner}, or whose managed workflow holds a dependent
 * that is a {@code Deleter} and not garbage-collected ({@code Controller.useFinalizer}), before the
 * first reconciliation, and it dispatches an AgentRuntime marked for deletion only to such a
 * controller. JOSDK's way to a finalizer on some primaries only, {@code
 * triggerReconcilerOnAllEvents}, rules out both {@code Cleaner} and managed workflows. So the
 * AgentRuntime controller keeps its workflow but neither implements {@code Cleaner} nor holds a
 * {@code Deleter}, and gets no finalizer from JOSDK; a small controller of its own receiving every
 * event ({@link GpuNodePoolCleanupReconciler}) releases the NodePool of an AgentRuntime being
 * deleted. The name is the one JOSDK gave the finalizer before, so AgentRuntimes that have a
 * NodePool stay protected across the upgrade and those without one lose it.
 */
final class GpuNodePoolFinalizer {

  /** The finalizer's name. */
  static final String NAME = "agentruntimes.agentruntime.io/finalizer";

  /** How often the deletion of a NodePool (Karpenter drains its nodes first) is looked at. */
  static final Duration RELEASE_RECHECK = Duration.ofSeconds(5);

  private GpuNodePoolFinalizer() {}

  /** Whether {@code cr} is to have a NodePool now: asked for, and Karpenter installed. */
  static boolean wanted(
      AgentRuntime cr, EffectiveSpec spec, KubernetesClient client, CrdLookups crds) {
    return ManagedKind.GPU_NODE_POOL.appliedFor(cr, spec, crds.installedAddOns(client));
  }

  /**
   * Adds the finalizer unless {@code cr} carries it, before its NodePool is created, and brings
   * {@code cr} up to the version written so that the reconciliation's status write does not
   * conflict with this one.
   */
  static void retain(AgentRuntime cr, KubernetesClient client) {
    if (cr.hasFinalizer(NAME)) {
      return;
    }
    var updated = PrimaryUpdateAndCacheUtils.addFinalizer(client, cr, NAME);
    cr.getMetadata().setFinalizers(updated.getMetadata().getFinalizers());
    cr.getMetadata().setResourceVersion(updated.getMetadata().getResourceVersion());
  }

  /**
   * Deletes {@code cr}'s NodePool, if the operator made one, and removes the finalizer once the
   * NodePool is gone. Nothing is read while {@code cr} does not carry the finalizer.
   *
   * @return whether the finalizer is gone; false while the NodePool is being deleted
   */
  static boolean release(AgentRuntime cr, KubernetesClient client) {
    if (!cr.hasFinalizer(NAME)) {
      return true;
    }
    var nodePool = client.resources(NodePool.class).withName(ResourceNames.gpuNodePool(cr));
    var existing = nodePool.get();
    if (existing != null && managedByOperator(existing)) {
      if (!existing.isMarkedForDeletion()) {
        nodePool.delete();
      }
      return false;
    }
    var updated = PrimaryUpdateAndCacheUtils.removeFinalizer(client, cr, NAME);
    cr.getMetadata().setFinalizers(updated.getMetadata().getFinalizers());
    cr.getMetadata().setResourceVersion(updated.getMetadata().getResourceVersion());
    return true;
  }

  /** A NodePool of the same name that the operator did not make is never deleted. */
  private static boolean managedByOperator(NodePool nodePool) {
    var labels = nodePool.getMetadata().getLabels();
    return labels != null && Labels.OPERATOR_NAME.equals(labels.get(Labels.MANAGED_BY));
  }
}
