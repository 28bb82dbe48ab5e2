package io.agentruntime.operator.render;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/**
 * Everything rendered for an AgentRuntime, in apply order: identity and configuration before the
 * pods that use them, the Service, then the objects that act on the pods.
 *
 * <p>The mesh, inference, failover and monitoring sections are validated but their objects are not
 * rendered yet.
 */
public final class AgentRuntimeRenderer {

  private AgentRuntimeRenderer() {}

  /** The objects of a valid {@code cr} (see {@code AgentRuntimeValidator}); namespace set. */
  public static List<HasMetadata> render(AgentRuntime cr) {
    return List.of(
        RuntimeServiceAccountRenderer.render(cr),
        RuntimeConfigMapRenderer.render(cr),
        RuntimeDeploymentRenderer.render(cr),
        RuntimeServiceRenderer.render(cr),
        RuntimeHpaRenderer.render(cr),
        RuntimePdbRenderer.render(cr));
  }
}
