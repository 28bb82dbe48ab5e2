package io.agentruntime.operator.render;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.fabric8.kubernetes.api.model.Service;

/** The runtime's Service ({@code <n>}, port 8080 named {@code http} so Istio treats it as HTTP). */
public final class RuntimeServiceRenderer {

  private RuntimeServiceRenderer() {}

  /** The ClusterIP Service in front of {@code cr}'s runtime pods. */
  public static Service render(AgentRuntime cr) {
    return HttpServices.of(
        cr, ResourceNames.runtime(cr), Component.RUNTIME, ResourceNames.RUNTIME_PORT);
  }
}
