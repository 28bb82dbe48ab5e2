package io.agentruntime.operator.dependent;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;

/**
 * A dependent owned by its AgentRuntime (garbage-collected with it) that adopts an unlabelled
 * object of its name instead of failing to create it ({@link Adoption}).
 *
 * @param <R> the dependent's kind
 */
public abstract class OwnedDependentResource<R extends HasMetadata>
    extends CRUDKubernetesDependentResource<R, AgentRuntime> {

  /** A dependent of {@code kind}. */
  protected OwnedDependentResource(Class<R> kind) {
    super(kind);
  }

  @Override
  public R create(R desired, AgentRuntime cr, Context<AgentRuntime> context) {
    return Adoption.createOrAdopt(
        () -> super.create(desired, cr, context), desired, cr, context, useSSA(context));
  }
}
