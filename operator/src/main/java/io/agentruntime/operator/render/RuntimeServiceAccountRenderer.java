package io.agentruntime.operator.render;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;

/**
 * The runtime pods' identity ({@code <n>}): what IAM (EKS Pod Identity) and the mesh's
 * authorization policies name. The runtime never calls the Kubernetes API, so no token is mounted.
 */
public final class RuntimeServiceAccountRenderer {

  private RuntimeServiceAccountRenderer() {}

  /** The ServiceAccount of {@code cr}'s runtime pods. */
  public static ServiceAccount render(AgentRuntime cr) {
    return new ServiceAccountBuilder()
        .withMetadata(RenderedMetadata.of(cr, ResourceNames.runtime(cr), Component.RUNTIME))
        .withAutomountServiceAccountToken(false)
        .build();
  }
}
