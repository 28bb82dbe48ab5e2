package io.agentruntime.operator.dependent;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.render.Labels;
import io.agentruntime.operator.render.ManagedKind;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.GarbageCollected;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/**
 * The model cache claim {@code <n>-model-cache}: created once and then left alone, since a claim's
 * storage class and access modes cannot change and its weights are worth keeping across spec
 * changes. Growing the volume is done on the claim itself (docs/inference.md).
 *
 * <p>Owned by the AgentRuntime (garbage-collected with it, and when the spec drops the cache).
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class ModelCacheDependentResource
    extends KubernetesDependentResource<PersistentVolumeClaim, AgentRuntime>
    implements ManagedDependent,
        Creator<PersistentVolumeClaim, AgentRuntime>,
        GarbageCollected<AgentRuntime> {

  /** The dependent's name in the workflow. */
  public static final String NAME = "model-cache";

  /** Creates the dependent for the reconciler's workflow. */
  public ModelCacheDependentResource() {
    super(PersistentVolumeClaim.class);
  }

  @Override
  public ManagedKind managedKind() {
    return ManagedKind.MODEL_CACHE;
  }

  /** The object's name without rendering it. */
  @Override
  protected ResourceID targetSecondaryResourceID(AgentRuntime cr, Context<AgentRuntime> context) {
    return resourceId(cr);
  }

  /** Adopts an unlabelled object of the same name ({@link Adoption}). */
  @Override
  public PersistentVolumeClaim create(
      PersistentVolumeClaim desired, AgentRuntime cr, Context<AgentRuntime> context) {
    return Adoption.createOrAdopt(
        () -> super.create(desired, cr, context), desired, cr, context, useSSA(context));
  }

  @Override
  protected PersistentVolumeClaim desired(AgentRuntime cr, Context<AgentRuntime> context) {
    return desiredOf(PersistentVolumeClaim.class, cr, context);
  }
}
