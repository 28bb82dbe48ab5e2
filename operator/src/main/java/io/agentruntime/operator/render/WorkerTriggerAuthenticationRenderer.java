package io.agentruntime.operator.render;

import io.agentruntime.operator.addon.TriggerAuthentication;
import io.agentruntime.operator.api.v1alpha1.AgentRuntime;

/**
 * KEDA's TriggerAuthentication of the workers' queue trigger ({@code <n>-worker},
 * keda.sh/v1alpha1): pod identity with the workload as the identity's owner, so KEDA reads the
 * queue's depth with the workers' own AWS role (their ServiceAccount's) rather than needing a grant
 * on every queue.
 */
public final class WorkerTriggerAuthenticationRenderer {

  private WorkerTriggerAuthenticationRenderer() {}

  /** The TriggerAuthentication of {@code cr}'s worker ScaledObject. */
  public static TriggerAuthentication render(AgentRuntime cr) {
    TriggerAuthentication authentication = new TriggerAuthentication();
    authentication.setMetadata(RenderedMetadata.of(cr, ResourceNames.worker(cr), Component.WORKER));
    authentication.setSpec(
        OrderedFields.of(
            "podIdentity", OrderedFields.of("provider", "aws", "identityOwner", "workload")));
    return authentication;
  }
}
