package io.agentruntime.operator.dependent;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.render.ManagedKind;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/** A dependent applying one entry of {@link ManagedKind}. */
public interface ManagedDependent {

  /** The entry this dependent applies. */
  ManagedKind managedKind();

  /**
   * Whether the object, wanted by the spec, may be applied now. Only a handover between two objects
   * that must not exist together waits ({@link AutoscalerHandover}).
   */
  default boolean mayApplyNow(AgentRuntime cr, Context<AgentRuntime> context) {
    return true;
  }

  /** The object's name and namespace, known without rendering it. */
  default ResourceID resourceId(AgentRuntime cr) {
    var kind = managedKind();
    return kind.clusterScoped()
        ? new ResourceID(kind.name(cr))
        : new ResourceID(kind.name(cr), cr.getMetadata().getNamespace());
  }

  /** The object of {@code cr}, rendered with the operator's settings. */
  default <R> R desiredOf(Class<R> type, AgentRuntime cr, Context<AgentRuntime> context) {
    return type.cast(
        managedKind()
            .render(
                cr, WorkflowInputs.effectiveSpec(context), WorkflowInputs.of(context).settings()));
  }
}
