package io.agentruntime.operator.dependent;

import io.agentruntime.operator.addon.NodePool;
import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.render.Labels;
import io.agentruntime.operator.render.ManagedKind;
import io.agentruntime.operator.render.ResourceNames;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.Updater;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/**
 * Karpenter's NodePool ({@link ResourceNames#gpuNodePool}), where Karpenter is installed ({@link
 * CrdInstalled}) and the spec does not opt out ({@link SpecWants}).
 *
 * <p>A cluster-scoped object cannot carry an owner reference to a namespaced AgentRuntime, so the
 * garbage collector would never delete it. It is deliberately no JOSDK {@code Deleter}: a workflow
 * holding one makes JOSDK put a finalizer on every AgentRuntime. The reconcilers delete it instead,
 * holding a finalizer only while it exists ({@code GpuNodePoolFinalizer}). JOSDK marks it with its
 * primary's name and namespace, which is how its events find the AgentRuntime; the informer watches
 * the whole cluster, where NodePools live.
 */
public class GpuNodePoolDependentResource
    extends KubernetesDependentResource<NodePool, AgentRuntime>
    implements ManagedDependent, Creator<NodePool, AgentRuntime>, Updater<NodePool, AgentRuntime> {

  /** The dependent's name in the workflow. */
  public static final String NAME = "gpu-node-pool";

  /** Creates the dependent for the reconciler's workflow. */
  public GpuNodePoolDependentResource() {
    super(NodePool.class);
  }

  @Override
  public ManagedKind managedKind() {
    return ManagedKind.GPU_NODE_POOL;
  }

  /** The object's name without rendering it. */
  @Override
  protected ResourceID targetSecondaryResourceID(AgentRuntime cr, Context<AgentRuntime> context) {
    return resourceId(cr);
  }

  /** Adopts an unlabelled object of the same name ({@link Adoption}). */
  @Override
  public NodePool create(NodePool desired, AgentRuntime cr, Context<AgentRuntime> context) {
    return Adoption.createOrAdopt(
        () -> super.create(desired, cr, context), desired, cr, context, useSSA(context));
  }

  @Override
  protected NodePool desired(AgentRuntime cr, Context<AgentRuntime> context) {
    return desiredOf(NodePool.class, cr, context);
  }

  @Override
  protected InformerEventSourceConfiguration.Builder<NodePool> informerConfigurationBuilder(
      EventSourceContext<AgentRuntime> context) {
    return super.informerConfigurationBuilder(context)
        .withWatchAllNamespaces()
        .withLabelSelector(Labels.MANAGED_BY_SELECTOR);
  }
}
