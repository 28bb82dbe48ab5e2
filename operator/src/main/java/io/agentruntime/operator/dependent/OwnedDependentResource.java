package io.agentruntime.operator.dependent;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.render.ManagedKind;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/**
 * A dependent applying one entry of {@link ManagedKind}, owned by its AgentRuntime
 * (garbage-collected with it), that adopts an unlabelled object of its name instead of failing to
 * create it ({@link Adoption}).
 *
 * @param <R> the dependent's kind
 */
public abstract class OwnedDependentResource<R extends HasMetadata>
    extends CRUDKubernetesDependentResource<R, AgentRuntime> implements ManagedDependent {

  private final ManagedKind managedKind;

  /** A dependent applying {@code managedKind}, whose objects are of {@code type}. */
  protected OwnedDependentResource(Class<R> type, ManagedKind managedKind) {
    super(type);
    if (!type.equals(managedKind.type())) {
      throw new IllegalArgumentException(managedKind + " is no " + type.getSimpleName());
    }
    this.managedKind = managedKind;
  }

  @Override
  public ManagedKind managedKind() {
    return managedKind;
  }

  @Override
  public R create(R desired, AgentRuntime cr, Context<AgentRuntime> context) {
    return Adoption.createOrAdopt(
        () -> super.create(desired, cr, context), desired, cr, context, useSSA(context));
  }

  /**
   * The object's name without rendering it: JOSDK looks it up to delete it once the spec no longer
   * wants it, when there may be nothing to render.
   */
  @Override
  protected ResourceID targetSecondaryResourceID(AgentRuntime cr, Context<AgentRuntime> context) {
    return resourceId(cr);
  }

  @Override
  protected R desired(AgentRuntime cr, Context<AgentRuntime> context) {
    return desiredOf(resourceType(), cr, context);
  }
}
