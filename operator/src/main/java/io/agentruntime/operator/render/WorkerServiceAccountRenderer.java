package io.agentruntime.operator.render;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;

/**
 * The workers' identity ({@code <n>-worker}), apart from the runtime's so that IAM (EKS Pod
 * Identity or IRSA) grants each only its part of the queue: the runtime sends, the workers receive,
 * delete and extend visibility. KEDA's SQS trigger reads the queue's depth as this identity too.
 */
public final class WorkerServiceAccountRenderer {

  private WorkerServiceAccountRenderer() {}

  /** The ServiceAccount of {@code cr}'s workers. */
  public static ServiceAccount render(AgentRuntime cr) {
    return new ServiceAccountBuilder()
        .withMetadata(RenderedMetadata.of(cr, ResourceNames.worker(cr), Component.WORKER))
        .withAutomountServiceAccountToken(false)
        .build();
  }
}
